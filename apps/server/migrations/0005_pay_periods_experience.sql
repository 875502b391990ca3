-- Issue 17: pay periods, monthly salary equivalents and years of experience on job postings.

-- The salary as a full-time monthly amount in whole VND, written by every posting upsert from the parsed salary
-- (packages/contracts/src/salary.ts, monthlyEquivalentVnd: 26 working days a month, 8 hours a day, one shift a
-- day, 52 weeks a year, USD at 25,000 VND). NULL for piece rates and unknown salaries. The min-salary filter and
-- the search's salary_min compare coalesce(max, min), so an hourly job is neither lost nor read as a monthly one.
ALTER TABLE job_postings ADD COLUMN salary_monthly_min_vnd bigint;
ALTER TABLE job_postings ADD COLUMN salary_monthly_max_vnd bigint;

-- The years of experience the posting asks for, read from `experience` (NULL: not stated).
ALTER TABLE job_postings ADD COLUMN experience_min_years double precision;
ALTER TABLE job_postings ADD COLUMN experience_max_years double precision;

-- Postings stored before: the monthly equivalents of the salaries already parsed, with the same constants, so the
-- salary filters keep working at once; `npm run cli -- renormalize` then re-reads salary_raw (pay periods),
-- locations and experience and fills the rest. (A test checks these figures against monthlyEquivalentVnd.)
UPDATE job_postings p SET
  salary_monthly_min_vnd = round(p.salary_min * m.factor * (CASE p.salary_currency WHEN 'USD' THEN 25000 ELSE 1 END)),
  salary_monthly_max_vnd = round(p.salary_max * m.factor * (CASE p.salary_currency WHEN 'USD' THEN 25000 ELSE 1 END))
FROM (VALUES ('month', 1::numeric), ('year', 1::numeric / 12), ('week', 52::numeric / 12), ('day', 26::numeric),
             ('shift', 26::numeric), ('hour', 208::numeric)) AS m(period, factor)
WHERE p.salary_period = m.period AND p.salary_currency IN ('VND', 'USD');
