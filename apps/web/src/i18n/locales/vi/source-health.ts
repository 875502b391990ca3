import type { sourceHealth as english } from "../en/source-health";
import type { Messages } from "../messages";

/** Sức khỏe nguồn: huy hiệu, trang nguồn, mục Chất lượng dữ liệu, cảnh báo và ảnh chụp trang. */
export const sourceHealth: Messages<typeof english> = {
  sourceHealth: {
    status: {
      healthy: "Ổn định",
      drifting: "Lệch chuẩn",
      failing: "Đang lỗi",
      never_synced: "Chưa đồng bộ",
    },
    fields: {
      title: "Tiêu đề",
      company: "Công ty",
      salary: "Lương (số)",
      province: "Tỉnh/thành",
      deadline: "Hạn nộp",
      experience: "Kinh nghiệm",
      description: "Mô tả",
      cards_per_page: "Số tin mỗi trang danh sách",
    },
    page: {
      description: "Sức khỏe nguồn: các lần đồng bộ gần nhất và tỉ lệ điền của từng trường so với mức chuẩn đã học.",
      back: "Nguồn dữ liệu",
      loading: "Đang tải sức khỏe nguồn…",
      loadFailed: "Không tải được sức khỏe nguồn",
      chartTitle: "{{count}} lần đồng bộ gần nhất",
      chartDescription: "Số tin tìm thấy, đã thêm, trùng lặp và số lỗi của mỗi lần đồng bộ (cũ nhất bên trái).",
      found: "Tìm thấy",
      added: "Đã thêm",
      duplicates: "Trùng lặp",
      errors: "Lỗi",
      noJobs: "Chưa có lần đồng bộ nào kết thúc.",
      fillTitle: "Tỉ lệ điền theo trường",
      fillDescription: "Tỉ lệ tin có từng trường: lần đồng bộ hoàn tất gần nhất so với mức chuẩn.",
      field: "Trường",
      latest: "Gần nhất",
      baseline: "Mức chuẩn",
      noBaseline: "Chưa có mức chuẩn: cần {{count}} lần đồng bộ hoàn tất không cảnh báo.",
      tolerance: "Cảnh báo khi một trường giảm hơn {{value}} so với mức chuẩn.",
    },
    quality: {
      title: "Chất lượng dữ liệu",
      field: "Trường",
      rate: "Đã điền",
      postings: "Đã xử lý {{count}} tin",
      cardsPerPage: "Số tin mỗi trang danh sách",
      emptyPages: "Trang danh sách không có tin",
      detailsFailed: "Trang chi tiết không đọc được",
      none: "Chưa xử lý tin nào.",
    },
    banner: {
      title: "Cảnh báo sức khỏe nguồn: bố cục trang có thể đã thay đổi",
      line: "{{message}}",
    },
    snapshots: {
      title: "Ảnh chụp trang",
      description:
        "Trang đầu tiên của mỗi loại lỗi hoặc cảnh báo, như đã tải về. Tải xuống dạng tệp văn bản, không mở tại đây.",
      download: "Tải ảnh chụp {{n}}: {{kind}}",
    },
  },
};
