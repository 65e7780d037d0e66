-- Large realistic data for the statistics benchmark (#13): N complaints received over the 3 years
-- before a chosen end, with their events, clocks, workflow records and complaint_facts rows, made
-- by set-based SQL (generate_series), so 1,000,000 complaints take minutes, not hours.
--
-- Run on a freshly migrated database with the reference data seeded (policy version 1), after
--   SET bench.count = '1000000'; SET bench.end = '2026-11-25T02:00:00Z';
-- (bench/statistics.bench.ts does this). Deterministic for a given count and end (setseed, no
-- parallel plans). Loaded with session_replication_role = replica: the facts triggers, the
-- append-only triggers and foreign keys do not fire; the facts are then computed once by the
-- projection's own complaint_facts_refresh_all() (migration 0014), so they are what the live
-- triggers would have written. The hash chain is NOT real (hashes are sha256 of id and sequence):
-- npm run verify-ledger reports every bench complaint, by design.
--
-- Mix (shaped after the NFRA notices and the demo data): level 1 2%, level 2 18%, level 3 80%;
-- hotline 42%, app 16%, web 10%, branch 11%, regulator referral 9%, e-mail 5%, letter 4%, other 3%;
-- life 28%, property 30%, health 14%, brokerage 16%, margin financing 5%, advisory 4%, asset
-- management 3%; categories per sector (property: claims 62%; life: sales 40%, surrender 25%…);
-- 30 branches (a few large ones), 8 departments, 200 agents, 120 handlers; volume grows ~25% a
-- year with a dip around the Spring Festival; handling days log-normal per level (median 4 / 11 /
-- 20 days); 2% imported history in the first year (closed, no clocks).

-- step: settings and helpers
SET session_replication_role = replica;
SET max_parallel_workers_per_gather = 0;
SET synchronous_commit = off;
SELECT setseed(0.13);

CREATE OR REPLACE FUNCTION pg_temp.pick(r double precision, codes text[], weights double precision[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  total double precision := 0;
  acc double precision := 0;
  i int;
BEGIN
  FOR i IN 1 .. array_length(weights, 1) LOOP total := total + weights[i]; END LOOP;
  FOR i IN 1 .. array_length(weights, 1) LOOP
    acc := acc + weights[i] / total;
    IF r < acc THEN RETURN codes[i]; END IF;
  END LOOP;
  RETURN codes[array_length(codes, 1)];
END
$$;

-- step: org units
-- org units: 30 branches, 8 departments
INSERT INTO org_units (id, kind, code, name_zh, name_en, created_at, created_by, updated_at)
SELECT gen_random_uuid(), 'branch', 'BB' || lpad(i::text, 2, '0'), '压测分公司' || i, 'Bench branch ' || i, now(), 'bench', now()
FROM generate_series(1, 30) i;
INSERT INTO org_units (id, kind, code, name_zh, name_en, created_at, created_by, updated_at)
SELECT gen_random_uuid(), 'department', 'BD' || lpad(i::text, 2, '0'), '压测部门' || i, 'Bench department ' || i, now(), 'bench', now()
FROM generate_series(1, 8) i;
CREATE TEMP TABLE bench_units AS
SELECT id, kind, row_number() OVER (PARTITION BY kind ORDER BY code) AS n FROM org_units WHERE code LIKE 'BB%' OR code LIKE 'BD%';

-- step: draw complaints
-- one row per complaint with every drawn value
CREATE UNLOGGED TABLE bench_gen AS
WITH base AS (
  SELECT g,
         random() AS r_day, random() AS r_time, random() AS r_level, random() AS r_channel, random() AS r_line,
         random() AS r_cat, random() AS r_branch, random() AS r_dept, random() AS r_h1, random() AS r_h2,
         random() AS r_final, random() AS r_outcome, random() AS r_survey, random() AS r_sat, random() AS r_comp,
         random() AS r_cause1, random() AS r_cause2, random() AS r_amount, random() AS r_group, random() AS r_product,
         random() AS r_reopen, random() AS r_import, random() AS r_urgent
  FROM generate_series(1, current_setting('bench.count')::int) g
),
timed AS (
  SELECT b.*,
         -- growth: density rises ~25% a year (u^0.85); Spring Festival dip: days of late Jan/early Feb thinned by redraw
         (current_setting('bench.end')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 1095
           + floor(power(b.r_day, 0.85) * 1095)::int AS day0
  FROM base b
),
dated AS (
  SELECT t.*,
         CASE WHEN extract(doy FROM t.day0) BETWEEN 25 AND 45 AND t.r_time < 0.35 THEN t.day0 + 21 ELSE t.day0 END AS day
  FROM timed t
),
drawn AS (
  SELECT d.*,
         (d.day + make_interval(secs => (8 * 3600 + d.r_time * 11 * 3600)))::timestamp AT TIME ZONE 'Asia/Shanghai' AS received_at,
         CASE WHEN d.r_level < 0.02 THEN 1 WHEN d.r_level < 0.20 THEN 2 ELSE 3 END AS level,
         pg_temp.pick(d.r_channel, ARRAY['hotline','app','web','branch','regulator_referral','email','letter','other'],
                      ARRAY[42,16,10,11,9,5,4,3]::float8[]) AS channel,
         pg_temp.pick(d.r_line, ARRAY['life','property_casualty','health','brokerage','margin_financing','investment_advisory','asset_management'],
                      ARRAY[28,30,14,16,5,4,3]::float8[]) AS business_line
  FROM dated d
  WHERE d.day <= (current_setting('bench.end')::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
),
categorised AS (
  SELECT d.*,
         CASE d.business_line
           WHEN 'property_casualty' THEN pg_temp.pick(d.r_cat,
             ARRAY['claims_dispute','product_sales','underwriting','premiums_fees','policy_account_service','surrender_refund','marketing_harassment','personal_data','system_outage','other'],
             ARRAY[62,10,4,5,6,4,3,2,1,3]::float8[])
           WHEN 'life' THEN pg_temp.pick(d.r_cat,
             ARRAY['product_sales','surrender_refund','claims_dispute','policy_account_service','premiums_fees','marketing_harassment','underwriting','personal_data','other'],
             ARRAY[40,25,12,9,4,4,2,1,3]::float8[])
           WHEN 'health' THEN pg_temp.pick(d.r_cat,
             ARRAY['claims_dispute','product_sales','surrender_refund','underwriting','policy_account_service','premiums_fees','personal_data','other'],
             ARRAY[45,20,10,8,7,5,2,3]::float8[])
           WHEN 'investment_advisory' THEN pg_temp.pick(d.r_cat,
             ARRAY['investment_advice','information_disclosure','commissions_fees','account_opening_closing','product_sales','marketing_harassment','personal_data','other'],
             ARRAY[45,15,12,8,8,6,2,4]::float8[])
           ELSE pg_temp.pick(d.r_cat,
             ARRAY['securities_trading','account_opening_closing','commissions_fees','system_outage','information_disclosure','investment_advice','product_sales','personal_data','marketing_harassment','other'],
             ARRAY[32,15,14,9,8,7,6,3,3,3]::float8[])
         END AS category,
         -- a few large branches: rank^-0.8 weights via the inverse of r^2
         1 + floor(power(d.r_branch, 2.2) * 30)::int AS branch_n,
         1 + floor(d.r_dept * 8)::int AS dept_n,
         -- handling days, log-normal (Box-Muller), median 4 / 11 / 20 days by level
         exp(ln(CASE WHEN d.r_level < 0.02 THEN 20 WHEN d.r_level < 0.20 THEN 11 ELSE 4 END)
             + 0.75 * sqrt(-2 * ln(greatest(d.r_h1, 1e-9))) * cos(2 * pi() * d.r_h2)) AS handling_days
  FROM drawn d
)
SELECT c.g,
       gen_random_uuid() AS id,
       c.received_at,
       c.received_at + make_interval(mins => 5 + floor(c.r_time * 50)::int) AS registered_at,
       c.level, c.channel, c.business_line, c.category,
       CASE WHEN c.business_line IN ('brokerage','margin_financing','investment_advisory','asset_management') THEN 'securities' ELSE 'insurance' END AS sector,
       c.business_line || '_product_' || (1 + floor(c.r_product * 6)::int) AS product,
       pg_temp.pick(c.r_group, ARRAY['individual','senior','small_business','institution','professional_investor','other'], ARRAY[70,14,8,3,3,2]::float8[]) AS customer_group,
       (SELECT id FROM bench_units WHERE kind = 'branch' AND n = c.branch_n) AS branch_id,
       ARRAY[(SELECT id FROM bench_units WHERE kind = 'department' AND n = c.dept_n)] AS department_ids,
       CASE WHEN c.r_amount < 0.35 THEN NULL ELSE round((exp(ln(3000) + 1.6 * (c.r_amount - 0.35) * 4 - 2) )::numeric, 2) END AS amount,
       c.r_urgent < 0.03 AS urgent,
       -- imported history: 2% of the first year
       (c.r_import < 0.06 AND c.received_at < current_setting('bench.end')::timestamptz - interval '730 days') AS imported,
       c.handling_days,
       c.received_at + make_interval(secs => c.handling_days * 86400) AS done_at,
       CASE WHEN c.r_final < 0.010 THEN 'withdrawn' WHEN c.r_final < 0.018 THEN 'transferred' WHEN c.r_final < 0.021 THEN 'merged'
            WHEN c.r_final > 0.997 THEN 'stuck' ELSE 'closed' END AS final,
       CASE WHEN c.r_outcome < 0.35 THEN 'upheld' WHEN c.r_outcome < 0.60 THEN 'partly_upheld' ELSE 'not_upheld' END AS outcome,
       c.r_survey < 0.55 AS surveyed, c.r_sat < 0.82 AS satisfied,
       c.r_comp, c.r_reopen < 0.03 AS reopened,
       pg_temp.pick(c.r_cause1, ARRAY['staff_service','business_process','product_design','sales_practice','information_disclosure','system_equipment','pricing_fees','third_party','customer_misunderstanding','internal_management','information_security','other'],
                    ARRAY[16,18,10,14,7,6,6,5,10,4,1,3]::float8[]) AS cause1,
       CASE WHEN c.r_cause2 < 0.3 THEN pg_temp.pick(c.r_cause2 / 0.3, ARRAY['business_process','staff_service','internal_management','third_party'], ARRAY[4,3,2,1]::float8[]) END AS cause2,
       'agent' || (c.g % 200) AS created_by,
       'handler' || (c.g % 120) AS assignee,
       'BM' || to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(c.g::text, 7, '0') AS number
FROM categorised c;

-- step: statuses
ALTER TABLE bench_gen ADD COLUMN status text, ADD COLUMN closed_at timestamptz, ADD COLUMN final_outcome text;
-- what has happened by the end: done (final status) or still open at some step
UPDATE bench_gen SET
  status = CASE
    WHEN imported THEN 'closed'
    WHEN final = 'stuck' OR done_at > current_setting('bench.end')::timestamptz THEN
      CASE WHEN received_at + interval '1 day' > current_setting('bench.end')::timestamptz THEN 'registered'
           WHEN received_at + (done_at - received_at) * 0.3 > current_setting('bench.end')::timestamptz THEN 'assigned'
           WHEN received_at + (done_at - received_at) * 0.6 > current_setting('bench.end')::timestamptz THEN 'investigating'
           WHEN received_at + (done_at - received_at) * 0.9 > current_setting('bench.end')::timestamptz THEN 'resolving'
           ELSE 'feedback_sent' END
    ELSE final END,
  closed_at = CASE WHEN imported OR (final <> 'stuck' AND done_at <= current_setting('bench.end')::timestamptz) THEN done_at END;
UPDATE bench_gen SET final_outcome = CASE status WHEN 'closed' THEN outcome WHEN 'withdrawn' THEN 'withdrawn' WHEN 'transferred' THEN 'transferred' END;

-- step: complaints
INSERT INTO complaints (
  id, number, status, channel, business_line, category, product, description, requested_remedy, amount, received_at,
  registered_at, urgent, risk_flags, branch, joint_complainants, complainant_name, complainant_phone, contact_keys,
  proposed_level, level, level_confirmed, grading_reasons, major, policy_version, search_text, created_by, updated_at,
  row_version, branch_id, department_ids, round, assignee, tracker, outcome, closed_at, regulatory_days, last_progress_at,
  customer_group)
SELECT b.id, b.number, b.status, b.channel, b.business_line, b.category, b.product,
       d.text || w.extra, '请尽快处理', b.amount, b.received_at, b.registered_at, b.urgent,
       CASE WHEN b.level = 1 THEN ARRAY['reputational'] ELSE '{}' END, NULL, 1,
       '压测客户' || (b.g % 50000), '138' || lpad((b.g % 100000000)::text, 8, '0'), ARRAY['phone:138' || lpad((b.g % 100000000)::text, 8, '0')],
       b.level, b.level, b.level < 3, '[]'::jsonb, b.level = 1 AND b.g % 7 = 0, 1,
       lower(b.number || ' ' || d.text || w.extra), b.created_by, coalesce(b.closed_at, b.registered_at), 1,
       b.branch_id, b.department_ids, CASE WHEN b.reopened AND b.status = 'closed' THEN 2 ELSE 1 END,
       CASE WHEN b.status = 'registered' THEN NULL ELSE b.assignee END, CASE WHEN b.level < 3 THEN 'supervisor' END,
       b.final_outcome, b.closed_at, 15, coalesce(b.closed_at, b.registered_at), b.customer_group
FROM bench_gen b
CROSS JOIN LATERAL (SELECT CASE b.category
  WHEN 'claims_dispute' THEN '理赔金额与定损结果不符，要求重新核定并尽快赔付。'
  WHEN 'product_sales' THEN '销售人员夸大收益、未说明退保损失，要求退还保费。'
  WHEN 'surrender_refund' THEN '申请退保后退费金额与预期不符，要求说明并补足。'
  WHEN 'policy_account_service' THEN '保单信息变更迟迟未办理，多次致电无人回复。'
  WHEN 'securities_trading' THEN '委托下单未能及时成交，系统延迟造成损失。'
  WHEN 'account_opening_closing' THEN '销户申请被拖延，营业部要求到现场办理。'
  WHEN 'commissions_fees' THEN '佣金收取标准与开户时约定不一致。'
  WHEN 'investment_advice' THEN '投资顾问推荐的产品风险等级与本人风险承受能力不符。'
  ELSE '对服务不满意，要求给予说明和处理。' END AS text) d
-- varied words for the search benchmark (#16): two words of a 114-word vocabulary drawn with a
-- Zipf-like skew (the first words common, the last ones rare), and a policy number unique to the row
CROSS JOIN LATERAL (SELECT '涉及' || v.words[1 + floor(power(random(), 3) * array_length(v.words, 1))::int] || '、'
                            || v.words[1 + floor(power(random(), 3) * array_length(v.words, 1))::int]
                            || '。保单号 P' || lpad((b.g::bigint * 7919 % 100000000)::text, 8, '0') || '。' AS extra
                    FROM (SELECT string_to_array(
  '理赔,保费,退保,续保,核保,定损,车险,医疗险,重疾险,寿险,意外险,分红险,万能险,年金,犹豫期,免责条款,等待期,体检,住院,门诊,'
  '手术,药费,发票,鉴定,事故,维修,拖车,代位追偿,交强险,商业险,理财,基金,股票,债券,期权,融资,融券,两融,佣金,印花税,'
  '开户,销户,转托管,密码,验证码,短信,客服,热线,柜台,网点,经理,业务员,代理人,回访,录音,合同,条款,批单,保全,受益人,'
  '被保险人,投保人,身故,伤残,豁免,现金价值,保单贷款,自动垫交,复效,退费,扣款,银行卡,转账,到账,延迟,系统故障,闪退,登录,'
  '人脸识别,实名认证,风险测评,适当性,双录,误导,夸大收益,隐瞒,强制搭售,骚扰电话,个人信息,泄露,征信,催收,逾期,罚息,'
  '台风,暴雨,冰雹,地震,火灾,水渍,盗抢,玻璃,自燃,涉水,宠物险,航班延误,行李,签证,留学,养老社区,护理,康复,质押,可转债', ',') AS words) v) w;

-- step: clocks
-- clocks: the regulator's 15 calendar days, the level's result clock, and a first step for levels 1 and 2
INSERT INTO complaint_clocks (id, complaint_id, kind, amount, unit, started_at, due_at, status, met_at, breached_at,
                              calendar_confirmed, policy_version, created_at, round, next_check_at)
SELECT gen_random_uuid(), b.id, k.kind, k.amount, k.unit, b.received_at, k.due,
       CASE WHEN k.met IS NOT NULL THEN 'met' WHEN k.due < current_setting('bench.end')::timestamptz THEN 'breached' ELSE 'running' END,
       k.met,
       CASE WHEN (k.met IS NOT NULL AND k.met > k.due) OR (k.met IS NULL AND k.due < current_setting('bench.end')::timestamptz) THEN k.due END,
       true, 1, b.registered_at, 1,
       CASE WHEN k.met IS NULL AND k.due >= current_setting('bench.end')::timestamptz THEN k.due END
FROM bench_gen b
CROSS JOIN LATERAL (VALUES
  ('regulatory', 15, 'calendar_days', b.received_at + interval '15 days',
   CASE WHEN b.closed_at IS NOT NULL THEN b.closed_at WHEN b.status = 'feedback_sent' THEN b.received_at + (b.done_at - b.received_at) * 0.9 END),
  (CASE b.level WHEN 1 THEN 'l1_result' WHEN 2 THEN 'l2_result' ELSE 'l3_answer' END, CASE b.level WHEN 3 THEN 5 ELSE 10 END, 'working_days',
   b.received_at + CASE b.level WHEN 3 THEN interval '7 days' ELSE interval '14 days' END,
   CASE WHEN b.closed_at IS NOT NULL THEN b.closed_at WHEN b.status = 'feedback_sent' THEN b.received_at + (b.done_at - b.received_at) * 0.9 END),
  (CASE b.level WHEN 1 THEN 'l1_report_supervisor' WHEN 2 THEN 'l2_to_supervisor' END, CASE b.level WHEN 1 THEN 15 ELSE 2 END,
   CASE b.level WHEN 1 THEN 'minutes' ELSE 'hours' END,
   b.received_at + CASE b.level WHEN 1 THEN interval '15 minutes' ELSE interval '2 hours' END,
   b.registered_at + interval '10 minutes')
) AS k(kind, amount, unit, due, met)
WHERE NOT b.imported AND k.kind IS NOT NULL;

-- step: events
-- events: received, grading proposed, clocks planned; assigned once past registration; closed (or imported)
INSERT INTO complaint_events (complaint_id, seq, type, actor, occurred_at, reason, payload, prev_hash, hash)
SELECT e.complaint_id, e.seq, e.type, e.actor, e.at, NULL, e.payload,
       CASE WHEN e.seq = 1 THEN repeat('0', 64) ELSE encode(sha256((e.complaint_id::text || (e.seq - 1))::bytea), 'hex') END,
       encode(sha256((e.complaint_id::text || e.seq)::bytea), 'hex')
FROM (
  SELECT b.id AS complaint_id, row_number() OVER (PARTITION BY b.id ORDER BY x.ord)::int AS seq, x.type, x.actor, x.at, x.payload
  FROM bench_gen b
  CROSS JOIN LATERAL (VALUES
    (1, CASE WHEN b.imported THEN 'complaint_imported' ELSE 'received' END, b.created_by, b.registered_at,
        jsonb_build_object('number', b.number, 'channel', b.channel, 'businessLine', b.business_line, 'category', b.category)),
    (2, CASE WHEN NOT b.imported THEN 'grading_proposed' END, b.created_by, b.registered_at, jsonb_build_object('level', b.level, 'reasons', '[]'::jsonb)),
    (3, CASE WHEN NOT b.imported THEN 'clocks_planned' END, b.created_by, b.registered_at, jsonb_build_object('clocks', '[]'::jsonb)),
    (4, CASE WHEN NOT b.imported AND b.status <> 'registered' THEN 'assign' END, 'supervisor', b.registered_at + interval '1 hour',
        jsonb_build_object('assignee', b.assignee)),
    (5, CASE WHEN NOT b.imported AND b.closed_at IS NOT NULL THEN 'close' END, b.assignee, b.closed_at, jsonb_build_object('outcome', b.final_outcome))
  ) AS x(ord, type, actor, at, payload)
  WHERE x.type IS NOT NULL
) e;

-- step: records
-- workflow records the facts read: the root-cause analysis (causes), the survey, compensation
INSERT INTO complaint_records (id, complaint_id, kind, round, status, data, created_at, created_by, updated_at, updated_by)
SELECT gen_random_uuid(), b.id, 'analysis', 1, NULL,
       jsonb_build_object('causes', to_jsonb(array_remove(ARRAY[b.cause1, CASE WHEN b.cause2 <> b.cause1 THEN b.cause2 END], NULL)), 'summary', '原因分析'),
       b.received_at + (b.done_at - b.received_at) * 0.7, b.assignee, b.received_at + (b.done_at - b.received_at) * 0.7, b.assignee
FROM bench_gen b WHERE NOT b.imported AND b.status IN ('closed', 'feedback_sent', 'resolving');

INSERT INTO complaint_records (id, complaint_id, kind, round, status, data, created_at, created_by, updated_at, updated_by)
SELECT gen_random_uuid(), b.id, 'survey', 1, NULL, jsonb_build_object('satisfied', b.satisfied, 'method', 'phone'),
       b.closed_at - interval '1 hour', b.assignee, b.closed_at - interval '1 hour', b.assignee
FROM bench_gen b WHERE NOT b.imported AND b.status = 'closed' AND b.surveyed;

INSERT INTO complaint_records (id, complaint_id, kind, round, status, data, created_at, created_by, updated_at, updated_by)
SELECT gen_random_uuid(), b.id, 'compensation', 1, CASE WHEN b.closed_at IS NULL THEN 'proposed' ELSE 'approved' END,
       jsonb_build_object('amount', round((200 + b.r_comp * 40000)::numeric, 2)::text,
                          'payment', jsonb_build_object('status', CASE WHEN b.closed_at IS NULL THEN 'pending' ELSE 'paid' END)),
       b.received_at + (b.done_at - b.received_at) * 0.8, b.assignee, b.received_at + (b.done_at - b.received_at) * 0.8, b.assignee
FROM bench_gen b WHERE NOT b.imported AND b.outcome IN ('upheld', 'partly_upheld') AND b.r_comp < 0.15
  AND b.status IN ('closed', 'feedback_sent', 'resolving');

-- step: clean up
DROP TABLE bench_gen;
SET session_replication_role = origin;
