/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cw-store-private.h"

/*
 * The schema, one step per version. A step never changes once released:
 * a later change is a new step. Each step sets its own user_version so the
 * version moves in the same transaction as the tables.
 */

static const char schema_v1[] =
  "CREATE TABLE cases ("
  "  num            INTEGER PRIMARY KEY,"
  "  id             TEXT NOT NULL UNIQUE CHECK (length (id) = 36),"
  "  kind           TEXT NOT NULL DEFAULT 'individual'"
  "                 CHECK (kind IN ('individual', 'group', 'community')),"
  "  type           TEXT NOT NULL DEFAULT 'long-term'"
  "                 CHECK (type IN ('long-term', 'urgent-action')),"
  "  status         TEXT NOT NULL DEFAULT 'active'"
  "                 CHECK (status IN ('active', 'paused', 'closed')),"
  "  title          TEXT NOT NULL CHECK (title <> ''),"
  "  country_code   TEXT NOT NULL DEFAULT '',"
  "  country_name   TEXT NOT NULL DEFAULT '',"
  "  region         TEXT CHECK (region IN ('africa', 'americas', 'asia-pacific',"
  "                   'europe-central-asia', 'middle-east-north-africa')),"
  "  opened         TEXT,"
  "  closed         TEXT,"
  "  closed_outcome TEXT CHECK (closed_outcome IN ('released', 'resolved', 'relinquished', 'ended')),"
  "  ua_number      TEXT,"
  "  ua_issued      TEXT,"
  "  ua_deadline    TEXT,"
  "  ua_sequence    INTEGER CHECK (ua_sequence >= 1),"
  "  summary        TEXT NOT NULL DEFAULT '',"
  "  background     TEXT,"
  "  public_action  TEXT CHECK (public_action IN ('allowed', 'restricted', 'forbidden')),"
  "  solidarity     TEXT CHECK (solidarity IN ('allowed', 'forbidden')),"
  "  modified       TEXT,"
  "  created        TEXT NOT NULL,"
  "  updated        TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE case_references ("
  "  case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  scheme   TEXT CHECK (scheme IN ('ai-index', 'ua', 'internal')),"
  "  value    TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;"

  "CREATE TABLE case_themes ("
  "  case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  theme    TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;"

  "CREATE TABLE people ("
  "  case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  role        TEXT CHECK (role IN ('subject', 'family', 'lawyer', 'other')),"
  "  name        TEXT NOT NULL,"
  "  other_names TEXT,"
  "  pronouns    TEXT,"
  "  gender      TEXT,"
  "  born        TEXT,"
  "  occupation  TEXT,"
  "  notes       TEXT,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;"

  "CREATE TABLE detention ("
  "  case_id            TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  place              TEXT,"
  "  arrested           TEXT,"
  "  charges            TEXT,"
  "  sentence           TEXT,"
  "  health             TEXT,"
  "  legal_access       TEXT CHECK (legal_access IN ('yes', 'no', 'restricted')),"
  "  legal_access_note  TEXT,"
  "  family_access      TEXT CHECK (family_access IN ('yes', 'no', 'restricted')),"
  "  family_access_note TEXT"
  ") STRICT;"

  "CREATE TABLE safety_notes ("
  "  case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  note     TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;"

  /* The coordinator and the casefile holders over time. */
  "CREATE TABLE contacts ("
  "  num          INTEGER PRIMARY KEY,"
  "  case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  part         TEXT NOT NULL CHECK (part IN ('coordinator', 'holder')),"
  "  position     INTEGER NOT NULL,"
  "  name         TEXT NOT NULL,"
  "  role         TEXT,"
  "  organisation TEXT,"
  "  email        TEXT,"
  "  phone        TEXT,"
  "  notes        TEXT,"
  "  from_date    TEXT,"
  "  to_date      TEXT,"
  "  UNIQUE (case_id, part, position)"
  ") STRICT;"

  "CREATE TABLE contact_address_lines ("
  "  contact  INTEGER NOT NULL REFERENCES contacts (num) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  line     TEXT NOT NULL,"
  "  PRIMARY KEY (contact, position)"
  ") STRICT;"

  "CREATE TABLE targets ("
  "  num          INTEGER PRIMARY KEY,"
  "  case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  role         TEXT CHECK (role IN ('appeal', 'copy', 'solidarity')),"
  "  language     TEXT,"
  "  title        TEXT,"
  "  name         TEXT,"
  "  organisation TEXT,"
  "  email        TEXT,"
  "  salutation   TEXT,"
  "  UNIQUE (case_id, position)"
  ") STRICT;"

  "CREATE TABLE target_address_lines ("
  "  target   INTEGER NOT NULL REFERENCES targets (num) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  line     TEXT NOT NULL,"
  "  PRIMARY KEY (target, position)"
  ") STRICT;"

  "CREATE TABLE recommended_actions ("
  "  case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  action   TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;"

  "CREATE TABLE model_letters ("
  "  case_id  TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  language TEXT,"
  "  body     TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, position)"
  ") STRICT;"

  /* The timeline. `date` keeps the precision it was written with:
   * '2025', '2025-03' or '2025-03-07'; `precision` says which (1, 2, 3). */
  "CREATE TABLE entries ("
  "  id        TEXT PRIMARY KEY CHECK (length (id) = 36),"
  "  case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  date      TEXT NOT NULL,"
  "  precision INTEGER NOT NULL CHECK (precision BETWEEN 1 AND 3),"
  "  category  TEXT NOT NULL DEFAULT 'activity'"
  "            CHECK (category IN ('activity', 'outcome', 'update')),"
  "  kind      TEXT,"
  "  count     INTEGER CHECK (count >= 0),"
  "  private   INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),"
  "  title     TEXT NOT NULL,"
  "  notes     TEXT,"
  "  created   TEXT NOT NULL,"
  "  updated   TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX entries_by_case_date ON entries (case_id, date);"

  "CREATE TABLE letter_templates ("
  "  id       TEXT PRIMARY KEY CHECK (length (id) = 36),"
  "  language TEXT NOT NULL,"
  "  role     TEXT NOT NULL CHECK (role IN ('appeal', 'copy', 'solidarity')),"
  "  name     TEXT NOT NULL,"
  "  body     TEXT NOT NULL,"
  "  closing  TEXT NOT NULL DEFAULT '',"
  "  bundled  INTEGER NOT NULL DEFAULT 0 CHECK (bundled IN (0, 1)),"
  "  updated  TEXT NOT NULL,"
  "  UNIQUE (language, role, name)"
  ") STRICT;"

  "CREATE TABLE group_profile ("
  "  id         INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name       TEXT NOT NULL DEFAULT '',"
  "  number     TEXT NOT NULL DEFAULT '',"
  "  address    TEXT NOT NULL DEFAULT '',"
  "  signatory  TEXT NOT NULL DEFAULT '',"
  "  paper_size TEXT NOT NULL DEFAULT 'a4' CHECK (paper_size IN ('a4', 'letter'))"
  ") STRICT;"
  "INSERT INTO group_profile (id) VALUES (1);"

  /* Search as you type; rowid is cases.num. */
  "CREATE VIRTUAL TABLE case_search USING fts5 ("
  "  title, names, refs, country, summary,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"

  "PRAGMA user_version = 1;";

/* The group's own words on each case for a year's report. */
static const char schema_v2[] =
  "CREATE TABLE report_notes ("
  "  case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  year        INTEGER NOT NULL,"
  "  how_it_went TEXT NOT NULL DEFAULT '',"
  "  next_steps  TEXT NOT NULL DEFAULT '',"
  "  updated     TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, year)"
  ") STRICT;"

  "PRAGMA user_version = 2;";

/* The case list shows each case's next follow-up: an index of follow-ups
 * alone finds it without reading the whole timeline. */
static const char schema_v3[] =
  "CREATE INDEX entries_follow_ups ON entries (case_id, date) WHERE kind = 'follow-up';"

  "PRAGMA user_version = 3;";

/* The same timeline, with the category checked by plain comparisons:
 * SQLite checks `IN` over three or more values with a small temporary
 * table built at every insert, a fifth of the time a big import takes.
 * SQLite changes a CHECK only by making the table anew: every entry is
 * copied with its rowid, and the indexes are made again as they were. */
static const char schema_v4[] =
  "CREATE TABLE entries_v4 ("
  "  id        TEXT PRIMARY KEY CHECK (length (id) = 36),"
  "  case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  date      TEXT NOT NULL,"
  "  precision INTEGER NOT NULL CHECK (precision BETWEEN 1 AND 3),"
  "  category  TEXT NOT NULL DEFAULT 'activity'"
  "            CHECK (category = 'activity' OR category = 'outcome' OR category = 'update'),"
  "  kind      TEXT,"
  "  count     INTEGER CHECK (count >= 0),"
  "  private   INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),"
  "  title     TEXT NOT NULL,"
  "  notes     TEXT,"
  "  created   TEXT NOT NULL,"
  "  updated   TEXT NOT NULL"
  ") STRICT;"
  "INSERT INTO entries_v4 (rowid, id, case_id, date, precision, category, kind, count,"
  "                        private, title, notes, created, updated)"
  "  SELECT rowid, id, case_id, date, precision, category, kind, count,"
  "         private, title, notes, created, updated FROM entries ORDER BY rowid;"
  "DROP TABLE entries;"
  "ALTER TABLE entries_v4 RENAME TO entries;"
  "CREATE INDEX entries_by_case_date ON entries (case_id, date);"
  "CREATE INDEX entries_follow_ups ON entries (case_id, date) WHERE kind = 'follow-up';"

  "PRAGMA user_version = 4;";

static const CwMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
};

const CwMigration *
cw_store_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

static char *
backup_path_for (CwStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  char *path = g_strdup_printf ("%s.v%d-backup-%s", self->path, self->schema_version, stamp);

  /* Two migrations within the same second must not overwrite each other. */
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.v%d-backup-%s-%u", self->path, self->schema_version, stamp, n);
    }
  return path;
}

static gboolean
run_step (CwStore           *self,
          const CwMigration *step,
          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  if (!cw_store_begin (self, error))
    return FALSE;

  if (!cw_store_exec (self, step->sql, &local_error))
    goto fail;

  if (!cw_store_query_int (self, "PRAGMA user_version", &version, &local_error))
    goto fail;
  if (version != step->version)
    {
      g_set_error (&local_error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   "migration to version %d left version %d", step->version, version);
      goto fail;
    }

  if (!cw_store_commit (self, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;

fail:
  cw_store_rollback (self);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Could not bring the database up to version %d; "
                                "it was left as it was: "), step->version);
  return FALSE;
}

/* A step that makes a table anew leaves the old one's pages free inside
 * the file: a database of a million entries would keep hundreds of
 * megabytes it no longer uses. VACUUM gives them back. It is not part of
 * the migration, which has already been committed: if it cannot run, the
 * database is as sound, only bigger. */
static void
reclaim_space (CwStore *self)
{
  g_autoptr(GError) error = NULL;
  int free_pages = 0, pages = 0;

  if (!cw_store_query_int (self, "PRAGMA freelist_count", &free_pages, &error) ||
      !cw_store_query_int (self, "PRAGMA page_count", &pages, &error))
    {
      g_warning ("Could not measure %s after updating it: %s", self->path, error->message);
      return;
    }

  if (free_pages <= pages / 4)
    return;

  if (!cw_store_exec (self, "VACUUM", &error))
    g_warning ("Could not give back the space updating %s left unused: %s", self->path,
               error->message);
}

gboolean
cw_store_migrate (CwStore            *self,
                  const CwMigration  *steps,
                  guint               n_steps,
                  GError            **error)
{
  /* A new, empty database has nothing to lose, even once its first steps
   * have run. */
  gboolean backed_up = self->schema_version == 0;
  gboolean had_data = !backed_up;
  gboolean migrated = FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].version <= self->schema_version)
        continue;

      if (!backed_up)
        {
          g_autofree char *backup = backup_path_for (self);

          if (!cw_store_backup_to (self, backup, error))
            return FALSE;
          g_message ("Backed up %s to %s before updating it", self->path, backup);
          backed_up = TRUE;
        }

      if (!run_step (self, &steps[i], error))
        return FALSE;
      migrated = TRUE;
    }

  if (migrated && had_data)
    reclaim_space (self);
  return TRUE;
}
