import { z } from "zod";

/**
 * Years of experience a posting asks for, as the board states it: "Không yêu cầu" → {0, null}, "Dưới 1 năm" →
 * {0, 1}, "2 năm" → {2, 2}, "Trên 5 năm" / "5+ years" → {5, null}, "1 - 3 years" → {1, 3}. A null bound was not
 * stated (no upper limit, or no lower one). Months count as fractions of a year ("6 tháng" → 0.5).
 */
export const experienceYearsSchema = z.object({
  min_years: z.number().nullable(),
  max_years: z.number().nullable(),
});
export type ExperienceYears = z.infer<typeof experienceYearsSchema>;

/** The most years of experience a posting may ask for and still be read: beyond it the text is not a duration. */
export const MAX_EXPERIENCE_YEARS = 50;
