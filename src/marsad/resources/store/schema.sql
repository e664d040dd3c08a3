-- Marsad store schema. version: 1
-- One SQLite file; articles and their layers keyed by article id,
-- corpus-level tables (corpus_*) recomputed from all stored articles after each ingest.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
  doc INTEGER PRIMARY KEY,            -- rowid of the article in the full-text index
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,                 -- sha256 of the analysed record: same hash = skip on ingest
  outlet TEXT, path TEXT, url TEXT, title TEXT,
  published TEXT, published_method TEXT,
  day TEXT,                           -- first 10 characters of published (YYYY-MM-DD) for filters
  text TEXT NOT NULL,
  norm TEXT NOT NULL,                 -- normalised shadow text (marsad.text.normalize)
  json BLOB NOT NULL                  -- the full article in the contract's JSON
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);

-- fingerprint of each stored article's input (engine.input_hash): an unchanged input is not re-analysed
CREATE TABLE IF NOT EXISTS inputs (id TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet, day);

CREATE TABLE IF NOT EXISTS entities (
  article_id TEXT NOT NULL, eid TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT,
  roles TEXT NOT NULL, n_mentions INTEGER NOT NULL,
  PRIMARY KEY (article_id, eid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_eid ON entities(eid, article_id);

CREATE TABLE IF NOT EXISTS mentions (
  article_id TEXT NOT NULL, eid TEXT NOT NULL, idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, form TEXT, rule TEXT,
  PRIMARY KEY (article_id, eid, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_eid ON mentions(eid, article_id);

CREATE TABLE IF NOT EXISTS times (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT, value TEXT, rule TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS amounts (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT, value REAL, unit TEXT,
  measure TEXT, period TEXT, qualifier TEXT, measure_text TEXT, rule TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS quotes (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT, speaker TEXT,
  cue_start INTEGER, cue_end INTEGER, cue_text TEXT, rule TEXT,
  day TEXT,                           -- the article's publication day (for listing quotes by date)
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker, day);
CREATE INDEX IF NOT EXISTS quotes_day ON quotes(day);
-- entities mentioned inside each quote (for "quotes about" an entity)
CREATE TABLE IF NOT EXISTS quote_entities (
  eid TEXT NOT NULL, article_id TEXT NOT NULL, idx INTEGER NOT NULL,
  PRIMARY KEY (eid, article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_entities_article ON quote_entities(article_id);

CREATE TABLE IF NOT EXISTS citations (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, source TEXT, rule TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS events (
  article_id TEXT NOT NULL, idx INTEGER NOT NULL, code TEXT NOT NULL, label TEXT,
  trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
  source TEXT, target TEXT, time TEXT, location TEXT, goldstein REAL, rule TEXT,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_code ON events(code);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);

CREATE TABLE IF NOT EXISTS themes (
  article_id TEXT NOT NULL, code TEXT NOT NULL, score REAL, evidence TEXT NOT NULL,
  PRIMARY KEY (article_id, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS themes_code ON themes(code);

-- full-text index (store/index_terms.py); rowid = articles.doc. title and body: the normalised text;
-- forms: the words of both again without their proclitics.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(title, body, forms, tokenize = 'unicode61 remove_diacritics 0');

-- corpus level (marsad.corpus.report.build_report over every stored article)
CREATE TABLE IF NOT EXISTS corpus_stories (
  id TEXT PRIMARY KEY, title TEXT, start TEXT, end TEXT, summary TEXT NOT NULL, thread TEXT,
  n_articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS corpus_story_articles (
  story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS corpus_story_articles_article ON corpus_story_articles(article_id);
CREATE TABLE IF NOT EXISTS corpus_duplicates (a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL);
CREATE TABLE IF NOT EXISTS corpus_entities (
  id TEXT PRIMARY KEY, type TEXT, name TEXT, name_en TEXT, variants TEXT NOT NULL,
  articles INTEGER, mentions INTEGER
);
CREATE TABLE IF NOT EXISTS corpus_events (
  idx INTEGER PRIMARY KEY, code TEXT, label TEXT, source TEXT, target TEXT, location TEXT, time TEXT,
  articles TEXT NOT NULL, n_articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_events_code ON corpus_events(code);
CREATE TABLE IF NOT EXISTS corpus_claims (
  idx INTEGER PRIMARY KEY, measure TEXT, parties TEXT NOT NULL, period TEXT, unit TEXT, status TEXT,
  "values" TEXT NOT NULL, n_values INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_claims_status ON corpus_claims(status);
CREATE TABLE IF NOT EXISTS corpus_timeline (
  idx INTEGER PRIMARY KEY, time TEXT, text TEXT, articles TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_timeline_time ON corpus_timeline(time);

-- per-entity statistics and co-occurrence among the most frequent entities (recomputed with the corpus)
CREATE TABLE IF NOT EXISTS entity_stats (
  eid TEXT PRIMARY KEY, type TEXT, name TEXT, name_en TEXT, articles INTEGER, mentions INTEGER,
  first_day TEXT, last_day TEXT
);
CREATE INDEX IF NOT EXISTS entity_stats_articles ON entity_stats(articles);
CREATE TABLE IF NOT EXISTS cooccurrence (
  a TEXT NOT NULL, b TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (a, b)
) WITHOUT ROWID;
