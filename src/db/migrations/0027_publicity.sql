-- Publicity on the customer portal (issue #15 item 3, R-G3; policy §7.3): the complaint channels the
-- portal shows (hotlines with hours, the complaint e-mail address, the postal address, the website,
-- app and WeChat official account, the branches), and customer education articles.
--
-- Channels: one row per version, insert-only, so every change keeps who made it and when (the audit
-- log has the same change with the request's address). No row: the portal shows the demo defaults of
-- src/domain/publicity/channel-defaults.ts (an invented company: every number and address is fictitious).
CREATE TABLE portal_channel_versions (
  version     integer PRIMARY KEY CHECK (version >= 1),
  channels    jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL
);
CREATE TRIGGER portal_channel_versions_no_update BEFORE UPDATE OR DELETE ON portal_channel_versions
  FOR EACH ROW EXECUTE FUNCTION append_only();

-- Images used by articles (body or cover): stored in the database, type checked by its signature
-- (PNG, JPEG, GIF, WebP; no SVG), served publicly only while a published article uses it.
CREATE TABLE publicity_images (
  id            uuid PRIMARY KEY,
  content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  size          integer NOT NULL CHECK (size > 0),
  sha256        text NOT NULL,
  data          bytea NOT NULL,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);

-- Articles: the body is HTML sanitised on the server with an allow-list before it is stored.
CREATE TABLE publicity_articles (
  id              uuid PRIMARY KEY,
  language        text NOT NULL CHECK (language IN ('zh-CN', 'en')),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary         text NOT NULL DEFAULT '',
  body_html       text NOT NULL,
  cover_image_id  uuid REFERENCES publicity_images (id),
  status          text NOT NULL CHECK (status IN ('draft', 'published')),
  -- set when first published and kept through later edits; cleared by unpublishing
  published_at    timestamptz,
  published_by    text,
  created_at      timestamptz NOT NULL,
  created_by      text NOT NULL,
  updated_at      timestamptz NOT NULL,
  updated_by      text NOT NULL,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX publicity_articles_public_idx ON publicity_articles (language, published_at DESC) WHERE status = 'published';

-- Which images an article uses (its cover and the images of its body), rewritten on every save:
-- an image is public while one published article uses it.
CREATE TABLE publicity_article_images (
  article_id  uuid NOT NULL REFERENCES publicity_articles (id) ON DELETE CASCADE,
  image_id    uuid NOT NULL REFERENCES publicity_images (id),
  PRIMARY KEY (article_id, image_id)
);
CREATE INDEX publicity_article_images_image_idx ON publicity_article_images (image_id);

-- Two published demo articles, so a fresh system's portal has customer education to show.
INSERT INTO publicity_articles (id, language, title, summary, body_html, status, published_at, published_by, created_at, created_by, updated_at, updated_by)
VALUES
  ('6f0d3c2e-0c5a-4f59-9d4e-1b7a5e2c0001', 'zh-CN', '如何有效地提出投诉',
   '准备哪些材料、通过哪些渠道、多久能得到答复：三分钟了解投诉的要点。',
   '<h2>提出投诉前</h2><p>请准备好<strong>保单号、合同号或账户信息</strong>、事情经过和涉及金额，以及相关凭证（单据、截图、通话记录）。</p><h2>选择渠道</h2><ul><li>拨打客服热线，客服人员全程记录；</li><li>在本页面在线提交，随时查询进度；</li><li>到营业网点的投诉受理窗口当面提出；</li><li>寄送书信或发送电子邮件。</li></ul><h2>之后会怎样</h2><p>我们会向您发送带有<em>投诉编号</em>的受理回执，并在规定时限内答复。请妥善保存投诉编号，凭编号和您的联系方式即可查询进度。</p>',
   'published', '2026-11-20T02:00:00Z', 'system', '2026-11-20T02:00:00Z', 'system', '2026-11-20T02:00:00Z', 'system'),
  ('6f0d3c2e-0c5a-4f59-9d4e-1b7a5e2c0002', 'en', 'How to make an effective complaint',
   'What to have at hand, which channel to use and when to expect an answer: the essentials in three minutes.',
   '<h2>Before you complain</h2><p>Have your <strong>policy, contract or account number</strong> ready, what happened and the amounts involved, and any proof (documents, screenshots, call records).</p><h2>Choose a channel</h2><ul><li>call the customer service hotline: an agent records everything;</li><li>submit online on this page and track the progress at any time;</li><li>visit the complaints desk of a branch;</li><li>write a letter or send an e-mail.</li></ul><h2>What happens next</h2><p>We send you an acknowledgment with your <em>complaint number</em> and answer within the set time limits. Keep the number: with it and your contact details you can track the complaint.</p>',
   'published', '2026-11-20T02:00:00Z', 'system', '2026-11-20T02:00:00Z', 'system', '2026-11-20T02:00:00Z', 'system');
