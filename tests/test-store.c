/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cw-casefile-import.h"
#include "cw-casefile-writer.h"
#include "cw-date.h"
#include "cw-store.h"
#include "cw-store-private.h"

/*
 * The store: one SQLite file per user that must never lose or damage what
 * is in it. Each test works in its own temporary directory and looks at
 * the file from a second SQLite connection where the store's own word is
 * not enough.
 */

/* The migration tests write versions as numbers: 1 is the first schema,
 * 2 the one with the yearly report's notes, 3 the one with the follow-ups'
 * index, 4 the current one (the timeline's table made anew with a faster
 * check), 5 a step made up by a test. */
G_STATIC_ASSERT (CW_STORE_SCHEMA_VERSION == 4);

/* ------------------------------------------------------------------ */
/* A temporary directory per test */

typedef struct {
  char *path;
} TmpDir;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_assert_no_errno (g_rmdir (path));
    }
  else
    g_assert_no_errno (g_unlink (path));
}

static TmpDir *
tmp_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  TmpDir *tmp = g_new0 (TmpDir, 1);

  tmp->path = g_dir_make_tmp ("casework-test-XXXXXX", &error);
  g_assert_no_error (error);
  return tmp;
}

static void
tmp_dir_free (TmpDir *tmp)
{
  remove_tree (tmp->path);
  g_free (tmp->path);
  g_free (tmp);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TmpDir, tmp_dir_free)

static char *
tmp_dir_file (TmpDir     *tmp,
              const char *name)
{
  return g_build_filename (tmp->path, name, NULL);
}

/* The names of the files in @dir. */
static GPtrArray *
list_dir (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GDir *handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (handle);
  return names;
}

/* How many files in @dir start with @prefix; @found gets the last one's path. */
static guint
count_prefix (const char  *dir,
              const char  *prefix,
              char       **found)
{
  g_autoptr(GPtrArray) names = list_dir (dir);
  guint n = 0;

  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (names->pdata[i], prefix))
      {
        n++;
        if (found != NULL)
          {
            g_free (*found);
            *found = g_build_filename (dir, names->pdata[i], NULL);
          }
      }
  return n;
}

/* ------------------------------------------------------------------ */
/* A second connection, to see the file as another program would */

static sqlite3 *
peek_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
peek_exec (const char *path,
           const char *sql)
{
  sqlite3 *db = peek_open (path);
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static sqlite3_stmt *
peek_step (sqlite3    *db,
           const char *sql,
           const char *param)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

static gint64
peek_int (const char *path,
          const char *sql,
          const char *param)
{
  sqlite3 *db = peek_open (path);
  sqlite3_stmt *stmt = peek_step (db, sql, param);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
peek_text (const char *path,
           const char *sql,
           const char *param)
{
  sqlite3 *db = peek_open (path);
  sqlite3_stmt *stmt = peek_step (db, sql, param);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
peek_has_table (const char *path,
                const char *table)
{
  return peek_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = ?", table) == 1;
}

/* A pragma as the store's own connection sees it. */
static gint64
store_pragma (CwStore    *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = cw_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* ------------------------------------------------------------------ */
/* Signals */

typedef struct {
  CwStore *store;
  GPtrArray *events;      /* "signal-name id" */
  char *peek_path;        /* if set, each case signal is checked from another connection */
  guint not_committed;    /* signals that came before their change was committed */
} Recorder;

static void
recorder_cb (CwStore    *store,
             const char *id,
             Recorder   *rec)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);
  const char *name = g_signal_name (hint->signal_id);

  g_ptr_array_add (rec->events, g_strdup_printf ("%s %s", name, id));

  if (store->transaction_depth != 0)
    rec->not_committed++;

  if (rec->peek_path != NULL && g_str_has_prefix (name, "case-"))
    {
      gboolean exists = peek_int (rec->peek_path, "SELECT count(*) FROM cases WHERE id = ?", id) == 1;
      gboolean should_exist = g_strcmp0 (name, "case-removed") != 0;

      if (exists != should_exist)
        rec->not_committed++;
    }
}

static Recorder *
recorder_new (CwStore    *store,
              const char *peek_path)
{
  static const char * const names[] = {
    "case-added", "case-changed", "case-removed", "entries-changed",
  };
  Recorder *rec = g_new0 (Recorder, 1);

  rec->store = g_object_ref (store);
  rec->events = g_ptr_array_new_with_free_func (g_free);
  rec->peek_path = g_strdup (peek_path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_signal_connect (store, names[i], G_CALLBACK (recorder_cb), rec);
  return rec;
}

static void
recorder_free (Recorder *rec)
{
  g_signal_handlers_disconnect_by_data (rec->store, rec);
  g_object_unref (rec->store);
  g_ptr_array_unref (rec->events);
  g_free (rec->peek_path);
  g_free (rec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Recorder, recorder_free)

static void
assert_event (Recorder   *rec,
              guint       index,
              const char *name,
              const char *id)
{
  g_autofree char *expected = g_strdup_printf ("%s %s", name, id);

  g_assert_cmpuint (index, <, rec->events->len);
  g_assert_cmpstr (rec->events->pdata[index], ==, expected);
}

static guint
count_events (Recorder   *rec,
              const char *name,
              const char *id)
{
  g_autofree char *wanted = g_strdup_printf ("%s %s", name, id);
  guint n = 0;

  for (guint i = 0; i < rec->events->len; i++)
    if (g_strcmp0 (rec->events->pdata[i], wanted) == 0)
      n++;
  return n;
}

/* ------------------------------------------------------------------ */
/* Cases and entries to store */

static CwStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CwStore *store = cw_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (CW_IS_STORE (store));
  return store;
}

static CwCase *
make_case (const char *title)
{
  CwCase *kase = cw_case_new ();

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, "Example Country");
  cw_case_set_summary (kase, "Arrested after a peaceful protest.");
  return kase;
}

static CwCase *
save_new_case (CwStore    *store,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  CwCase *kase = make_case (title);

  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (cw_case_get_id (kase)));
  return kase;
}

static GStrv
strv_of (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  return g_strv_builder_end (builder);
}

static CwContact *
make_contact (const char *name,
              const char *tag)
{
  CwContact *contact = cw_contact_new (name);

  contact->role = g_strdup_printf ("%s role", tag);
  contact->organisation = g_strdup_printf ("%s organisation", tag);
  contact->email = g_strdup_printf ("%s@example.org", tag);
  contact->phone = g_strdup ("+44 20 7946 0000");
  contact->address = strv_of ("1 Easton Street", "London WC1X 0DW", "United Kingdom", NULL);
  contact->notes = g_strdup_printf ("Notes on the %s.\n\nA second paragraph.", tag);
  return contact;
}

static CwTarget *
make_target (const char *role,
             const char *language,
             const char *name)
{
  CwTarget *target = cw_target_new ();

  target->role = g_strdup (role);
  target->language = g_strdup (language);
  target->title = g_strdup ("Minister of Justice");
  target->name = g_strdup (name);
  target->organisation = g_strdup ("Ministerio de Justicia");
  target->address = strv_of ("Calle 53 No. 13-27", "Bogotá", "Colombia", NULL);
  target->email = g_strdup ("ministro@example.gov");
  target->salutation = g_strdup ("Estimada Señora Ministra");
  return target;
}

/* A case with every field and every part filled in. */
static CwCase *
make_full_case (void)
{
  CwCase *kase = cw_case_new ();
  CwPerson *subject = cw_person_new ();
  CwPerson *lawyer = cw_person_new ();
  CwDetention *detention = cw_detention_new ();
  CwContact *holder;

  cw_case_set_kind (kase, CW_CASE_KIND_GROUP);
  cw_case_set_case_type (kase, CW_CASE_TYPE_URGENT_ACTION);
  cw_case_set_status (kase, CW_CASE_STATUS_CLOSED);
  cw_case_set_title (kase, "Tomás Pérez and the Cauca defenders");
  cw_case_set_country_code (kase, "CO");
  cw_case_set_country_name (kase, "Colombia");
  cw_case_set_region (kase, "americas");
  cw_case_set_opened (kase, "2019-05");
  cw_case_set_closed (kase, "2024-03-07");
  cw_case_set_closed_outcome (kase, "released");
  cw_case_set_ua_number (kase, "UA 53/19");
  cw_case_set_ua_issued (kase, "2019-05-02");
  cw_case_set_ua_deadline (kase, "2019-06-13");
  cw_case_set_ua_sequence (kase, 3);
  cw_case_set_summary (kase, "Tomás Pérez, a trade unionist, was detained.\n\nHe was held for years.");
  cw_case_set_background (kase, "Defenders in Cauca face threats.");
  cw_case_set_public_action (kase, "restricted");
  cw_case_set_solidarity (kase, "allowed");
  cw_case_set_modified (kase, "2024-03-08T10:15:00Z");

  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new ("ai-index", "AMR 23/1234/2019"));
  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new ("ua", "UA 53/19"));
  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new ("internal", "G123-7"));
  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new (NULL, "no scheme"));

  g_ptr_array_add (cw_case_get_themes (kase), g_strdup ("human-rights-defender"));
  g_ptr_array_add (cw_case_get_themes (kase), g_strdup ("freedom-of-expression"));

  subject->role = g_strdup ("subject");
  subject->name = g_strdup ("Tomás Pérez");
  subject->other_names = g_strdup ("El Profe");
  subject->pronouns = g_strdup ("he/him");
  subject->gender = g_strdup ("man");
  subject->born = g_strdup ("1971-08");
  subject->occupation = g_strdup ("trade unionist");
  subject->notes = g_strdup ("Teaches at the village school.");
  g_ptr_array_add (cw_case_get_people (kase), subject);
  /* Only some fields: the others must come back as NULL, not "". */
  lawyer->role = g_strdup ("lawyer");
  lawyer->name = g_strdup ("Ana Gómez");
  lawyer->born = g_strdup ("1980");
  g_ptr_array_add (cw_case_get_people (kase), lawyer);

  detention->place = g_strdup ("La Picota prison, Bogotá");
  detention->arrested = g_strdup ("2019-04-30");
  detention->charges = g_strdup ("Rebellion");
  detention->sentence = g_strdup ("Eight years");
  detention->health = g_strdup ("Diabetes, without medication");
  detention->legal_access = g_strdup ("restricted");
  detention->legal_access_note = g_strdup ("Once a month, supervised");
  detention->family_access = g_strdup ("no");
  detention->family_access_note = g_strdup ("Visits refused since May");
  cw_case_set_detention (kase, detention);

  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("Do not mention his union by name."));
  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("No photographs."));

  cw_case_set_coordinator (kase, make_contact ("Maria Coordinator", "coordinator"));

  holder = make_contact ("First Holder", "holder1");
  holder->from = g_strdup ("2019-06");
  holder->to = g_strdup ("2022");
  g_ptr_array_add (cw_case_get_holders (kase), holder);
  holder = make_contact ("Second Holder", "holder2");
  holder->from = g_strdup ("2022-01-15");
  holder->to = g_strdup ("2024-03-07");
  g_ptr_array_add (cw_case_get_holders (kase), holder);

  g_ptr_array_add (cw_case_get_targets (kase), make_target ("appeal", "es", "Dra. Ana Ministra"));
  g_ptr_array_add (cw_case_get_targets (kase), make_target ("copy", "en", "Ambassador Ruiz"));
  g_ptr_array_add (cw_case_get_targets (kase), make_target ("solidarity", "es", "Sindicato"));

  g_ptr_array_add (cw_case_get_recommended_actions (kase), g_strdup ("Write to the minister."));
  g_ptr_array_add (cw_case_get_recommended_actions (kase), g_strdup ("Send a card to his family."));

  g_ptr_array_add (cw_case_get_model_letters (kase),
                   cw_model_letter_new ("es", "Estimada Señora Ministra:\n\nLe escribo..."));
  g_ptr_array_add (cw_case_get_model_letters (kase),
                   cw_model_letter_new ("en", "Dear Minister,\n\nI am writing..."));

  return kase;
}

static void
assert_texts_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

#define assert_parts_equal(a, b, Type, equal)                               \
  G_STMT_START {                                                            \
    g_assert_cmpuint ((a)->len, ==, (b)->len);                              \
    for (guint i_ = 0; i_ < (a)->len; i_++)                                 \
      g_assert_true (equal ((Type *) (a)->pdata[i_], (Type *) (b)->pdata[i_])); \
  } G_STMT_END

static void
assert_cases_equal (CwCase *expected,
                    CwCase *actual)
{
  g_assert_cmpstr (cw_case_get_id (actual), ==, cw_case_get_id (expected));
  g_assert_cmpint (cw_case_get_kind (actual), ==, cw_case_get_kind (expected));
  g_assert_cmpint (cw_case_get_case_type (actual), ==, cw_case_get_case_type (expected));
  g_assert_cmpint (cw_case_get_status (actual), ==, cw_case_get_status (expected));
  g_assert_cmpstr (cw_case_get_title (actual), ==, cw_case_get_title (expected));
  g_assert_cmpstr (cw_case_get_country_code (actual), ==, cw_case_get_country_code (expected));
  g_assert_cmpstr (cw_case_get_country_name (actual), ==, cw_case_get_country_name (expected));
  g_assert_cmpstr (cw_case_get_region (actual), ==, cw_case_get_region (expected));
  g_assert_cmpstr (cw_case_get_opened (actual), ==, cw_case_get_opened (expected));
  g_assert_cmpstr (cw_case_get_closed (actual), ==, cw_case_get_closed (expected));
  g_assert_cmpstr (cw_case_get_closed_outcome (actual), ==, cw_case_get_closed_outcome (expected));
  g_assert_cmpstr (cw_case_get_ua_number (actual), ==, cw_case_get_ua_number (expected));
  g_assert_cmpstr (cw_case_get_ua_issued (actual), ==, cw_case_get_ua_issued (expected));
  g_assert_cmpstr (cw_case_get_ua_deadline (actual), ==, cw_case_get_ua_deadline (expected));
  g_assert_cmpuint (cw_case_get_ua_sequence (actual), ==, cw_case_get_ua_sequence (expected));
  g_assert_cmpstr (cw_case_get_summary (actual), ==, cw_case_get_summary (expected));
  g_assert_cmpstr (cw_case_get_background (actual), ==, cw_case_get_background (expected));
  g_assert_cmpstr (cw_case_get_public_action (actual), ==, cw_case_get_public_action (expected));
  g_assert_cmpstr (cw_case_get_solidarity (actual), ==, cw_case_get_solidarity (expected));
  g_assert_cmpstr (cw_case_get_modified (actual), ==, cw_case_get_modified (expected));

  g_assert_true (cw_case_get_has_details (actual));
  assert_parts_equal (cw_case_get_references (expected), cw_case_get_references (actual),
                      CwReference, cw_reference_equal);
  assert_texts_equal (cw_case_get_themes (expected), cw_case_get_themes (actual));
  assert_parts_equal (cw_case_get_people (expected), cw_case_get_people (actual),
                      CwPerson, cw_person_equal);
  if (cw_case_get_detention (expected) == NULL)
    g_assert_null (cw_case_get_detention (actual));
  else
    {
      g_assert_nonnull (cw_case_get_detention (actual));
      g_assert_true (cw_detention_equal (cw_case_get_detention (expected),
                                         cw_case_get_detention (actual)));
    }
  assert_texts_equal (cw_case_get_safety_notes (expected), cw_case_get_safety_notes (actual));
  if (cw_case_get_coordinator (expected) == NULL)
    g_assert_null (cw_case_get_coordinator (actual));
  else
    {
      g_assert_nonnull (cw_case_get_coordinator (actual));
      g_assert_true (cw_contact_equal (cw_case_get_coordinator (expected),
                                       cw_case_get_coordinator (actual)));
    }
  assert_parts_equal (cw_case_get_holders (expected), cw_case_get_holders (actual),
                      CwContact, cw_contact_equal);
  assert_parts_equal (cw_case_get_targets (expected), cw_case_get_targets (actual),
                      CwTarget, cw_target_equal);
  assert_texts_equal (cw_case_get_recommended_actions (expected),
                      cw_case_get_recommended_actions (actual));
  assert_parts_equal (cw_case_get_model_letters (expected), cw_case_get_model_letters (actual),
                      CwModelLetter, cw_model_letter_equal);
}

static CwEntry *
make_entry (const char      *case_id,
            const char      *date,
            CwEntryCategory  category,
            const char      *kind,
            gint64           count,
            gboolean         is_private,
            const char      *title)
{
  CwEntry *entry = cw_entry_new ();

  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, date);
  cw_entry_set_category (entry, category);
  cw_entry_set_kind (entry, kind);
  cw_entry_set_count (entry, count);
  cw_entry_set_private (entry, is_private);
  cw_entry_set_title (entry, title);
  return entry;
}

static void
save_entry_ok (CwStore *store,
               CwEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (cw_entry_get_id (entry)));
  g_assert_true (cw_timestamp_is_valid (cw_entry_get_updated (entry)));
}

static void
assert_entries_equal (CwEntry *expected,
                      CwEntry *actual)
{
  g_assert_cmpstr (cw_entry_get_id (actual), ==, cw_entry_get_id (expected));
  g_assert_cmpstr (cw_entry_get_case_id (actual), ==, cw_entry_get_case_id (expected));
  g_assert_cmpstr (cw_entry_get_date (actual), ==, cw_entry_get_date (expected));
  g_assert_cmpint (cw_entry_get_precision (actual), ==, cw_entry_get_precision (expected));
  g_assert_cmpint (cw_entry_get_category (actual), ==, cw_entry_get_category (expected));
  g_assert_cmpstr (cw_entry_get_kind (actual), ==, cw_entry_get_kind (expected));
  g_assert_cmpint (cw_entry_get_count (actual), ==, cw_entry_get_count (expected));
  g_assert_cmpint (cw_entry_get_private (actual), ==, cw_entry_get_private (expected));
  g_assert_cmpstr (cw_entry_get_title (actual), ==, cw_entry_get_title (expected));
  g_assert_cmpstr (cw_entry_get_notes (actual), ==, cw_entry_get_notes (expected));
  g_assert_true (cw_timestamp_is_valid (cw_entry_get_updated (actual)));
}

/* ------------------------------------------------------------------ */
/* Opening */

static void
test_open_new (void)
{
  static const char * const tables[] = {
    "cases", "case_references", "case_themes", "people", "detention", "safety_notes",
    "contacts", "contact_address_lines", "targets", "target_address_lines",
    "recommended_actions", "model_letters", "entries", "letter_templates", "group_profile",
    "case_search",
  };
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *dir = tmp_dir_file (tmp, "not-yet");
  g_autofree char *path = g_build_filename (dir, "casework.db", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwEntry) orphan = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  store = open_store (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (cw_store_get_path (store), ==, path);
  g_assert_false (cw_store_get_read_only (store));
  g_assert_null (cw_store_get_read_only_reason (store));
  g_assert_cmpint (cw_store_get_schema_version (store), ==, CW_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (cw_store_count_cases (store), ==, 0);

  /* What another program sees in the file. */
  journal_mode = peek_text (path, "PRAGMA journal_mode", NULL);
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, CW_STORE_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (peek_has_table (path, tables[i]));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM group_profile", NULL), ==, 1);

  /* Per-connection settings, as the store's own connection has them. */
  g_assert_cmpint (store_pragma (store, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (store_pragma (store, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (store_pragma (store, "PRAGMA foreign_keys"), ==, 1);

  /* foreign_keys, shown by what it refuses. */
  orphan = make_entry ("00000000-0000-4000-8000-000000000000", "2024-03-07",
                       CW_ENTRY_CATEGORY_ACTIVITY, "letter", 3, FALSE, "Letters");
  g_assert_false (cw_store_save_entry (store, orphan, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 0);

  /* A new database has nothing to back up, and nothing else lies beside it. */
  g_clear_object (&store);
  g_assert_cmpuint (count_prefix (dir, "casework.db.v", NULL), ==, 0);
  names = list_dir (dir);
  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_str_has_prefix (names->pdata[i], "casework.db"));
}

static void
test_open_existing (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (path);
  kase = save_new_case (store, "Jane Doe");
  g_clear_object (&store);

  store = open_store (path);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, CW_STORE_SCHEMA_VERSION);
  g_assert_false (cw_store_get_read_only (store));
  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_case_get_title (loaded), ==, "Jane Doe");

  /* Opening a current database makes no backup. */
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v", NULL), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Writing and reading back */

static void
test_case_round_trip (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = make_full_case ();
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwCase) summary = NULL;
  g_autoptr(GError) error = NULL;
  CwTarget *target;

  g_assert_null (cw_case_get_id (kase));
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (cw_case_get_id (kase)));
  g_assert_true (cw_timestamp_is_valid (cw_case_get_updated (kase)));

  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_cases_equal (kase, loaded);
  g_assert_cmpstr (cw_case_get_updated (loaded), ==, cw_case_get_updated (kase));
  g_assert_null (cw_case_get_last_activity (loaded));

  /* The comparisons above are only as good as the equal functions: make
   * sure they tell different parts apart, and spot-check a few fields. */
  g_assert_false (cw_target_equal (cw_case_get_targets (loaded)->pdata[0],
                                   cw_case_get_targets (loaded)->pdata[1]));
  g_assert_false (cw_person_equal (cw_case_get_people (loaded)->pdata[0],
                                   cw_case_get_people (loaded)->pdata[1]));
  g_assert_false (cw_contact_equal (cw_case_get_holders (loaded)->pdata[0],
                                    cw_case_get_holders (loaded)->pdata[1]));
  target = cw_case_get_targets (loaded)->pdata[0];
  g_assert_cmpstr (target->role, ==, "appeal");
  g_assert_cmpuint (g_strv_length (target->address), ==, 3);
  g_assert_cmpstr (target->address[1], ==, "Bogotá");
  g_assert_cmpstr (((CwContact *) cw_case_get_holders (loaded)->pdata[1])->from, ==, "2022-01-15");
  g_assert_cmpstr (cw_case_get_detention (loaded)->family_access_note, ==, "Visits refused since May");
  g_assert_null (((CwPerson *) cw_case_get_people (loaded)->pdata[1])->pronouns);
  g_assert_null (((CwReference *) cw_case_get_references (loaded)->pdata[3])->scheme);
  g_assert_null (cw_case_get_coordinator (loaded)->from);

  /* The summary carries the scalars but not the parts. */
  summary = cw_store_load_case_summary (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_case_get_title (summary), ==, cw_case_get_title (kase));
  g_assert_cmpint (cw_case_get_status (summary), ==, CW_CASE_STATUS_CLOSED);
  g_assert_cmpstr (cw_case_get_ua_deadline (summary), ==, "2019-06-13");
  g_assert_false (cw_case_get_has_details (summary));
  g_assert_cmpuint (cw_case_get_targets (summary)->len, ==, 0);

  /* And it all survives closing and reopening the file. */
  g_clear_object (&store);
  g_clear_object (&loaded);
  store = open_store (path);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, loaded);

  /* Row counts from outside. */
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_references", NULL), ==, 4);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contacts", NULL), ==, 3);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contact_address_lines", NULL), ==, 9);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM target_address_lines", NULL), ==, 9);
}

/* Text pasted in with control characters (a form feed from a PDF) is
 * kept without them, so the case can still go out in a casefile. */
static void
test_case_control_characters (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autoptr(CwEntry) loaded_entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *xml = NULL;

  cw_case_set_title (kase, "Jane\x0c Doe");
  cw_case_set_country_code (kase, "XX");
  cw_case_set_summary (kase, "Arrested\x01 on\tMonday.\r\nHeld since.\xef\xbf\xbe");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  cw_entry_set_case_id (entry, cw_case_get_id (kase));
  cw_entry_set_date (entry, "2025-03");
  cw_entry_set_title (entry, "Letters\x07 sent");
  cw_entry_set_notes (entry, "Page one\x0cPage two");
  g_assert_true (cw_store_save_entry (store, entry, &error));
  g_assert_no_error (error);

  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_case_get_title (loaded), ==, "Jane Doe");
  g_assert_cmpstr (cw_case_get_summary (loaded), ==, "Arrested on\tMonday.\r\nHeld since.");
  loaded_entry = cw_store_load_entry (store, cw_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_entry_get_title (loaded_entry), ==, "Letters sent");
  g_assert_cmpstr (cw_entry_get_notes (loaded_entry), ==, "Page onePage two");

  g_assert_true (cw_store_export_casefile (store, NULL, NULL, out, &error));
  g_assert_no_error (error);
  xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_nonnull (strstr (xml, "<title>Jane Doe</title>"));
}

static void
test_case_minimal_round_trip (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* Only a title: every other field stays unset, not empty. */
  cw_case_set_title (kase, "Jane Doe");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_case_get_title (loaded), ==, "Jane Doe");
  g_assert_cmpint (cw_case_get_kind (loaded), ==, CW_CASE_KIND_INDIVIDUAL);
  g_assert_cmpint (cw_case_get_case_type (loaded), ==, CW_CASE_TYPE_LONG_TERM);
  g_assert_cmpint (cw_case_get_status (loaded), ==, CW_CASE_STATUS_ACTIVE);
  g_assert_null (cw_case_get_region (loaded));
  g_assert_null (cw_case_get_opened (loaded));
  g_assert_null (cw_case_get_background (loaded));
  g_assert_null (cw_case_get_public_action (loaded));
  g_assert_cmpuint (cw_case_get_ua_sequence (loaded), ==, 0);
  g_assert_null (cw_case_get_detention (loaded));
  g_assert_null (cw_case_get_coordinator (loaded));
  g_assert_cmpuint (cw_case_get_people (loaded)->len, ==, 0);
  g_assert_cmpuint (cw_case_get_targets (loaded)->len, ==, 0);

  /* An unknown id is reported as such. */
  g_clear_object (&loaded);
  loaded = cw_store_load_case (store, "00000000-0000-4000-8000-000000000000", &error);
  g_assert_null (loaded);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

static void
test_case_resave_replaces_lists (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = make_full_case ();
  g_autoptr(CwCase) other = make_full_case ();
  g_autoptr(CwCase) edited = NULL;
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwCase) other_loaded = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *targets;

  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_save_case (store, other, &error));
  g_assert_no_error (error);

  edited = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);

  /* Remove the copy target, a person, a holder, a theme; drop the
   * detention and the coordinator; add a reference. */
  targets = cw_case_get_targets (edited);
  g_assert_cmpstr (((CwTarget *) targets->pdata[1])->role, ==, "copy");
  g_ptr_array_remove_index (targets, 1);
  g_ptr_array_remove_index (cw_case_get_people (edited), 0);
  g_ptr_array_remove_index (cw_case_get_holders (edited), 0);
  g_ptr_array_remove_index (cw_case_get_themes (edited), 1);
  cw_case_set_detention (edited, NULL);
  cw_case_set_coordinator (edited, NULL);
  g_ptr_array_add (cw_case_get_references (edited), cw_reference_new ("internal", "X-2"));
  cw_case_set_title (edited, "Renamed");

  g_assert_true (cw_store_save_case (store, edited, &error));
  g_assert_no_error (error);

  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (edited, loaded);
  targets = cw_case_get_targets (loaded);
  g_assert_cmpuint (targets->len, ==, 2);
  for (guint i = 0; i < targets->len; i++)
    g_assert_cmpstr (((CwTarget *) targets->pdata[i])->name, !=, "Ambassador Ruiz");
  g_assert_null (cw_case_get_detention (loaded));
  g_assert_null (cw_case_get_coordinator (loaded));
  g_assert_cmpuint (cw_case_get_people (loaded)->len, ==, 1);
  g_assert_cmpuint (cw_case_get_references (loaded)->len, ==, 5);

  /* No orphans left behind, and the other case is untouched. */
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM targets WHERE case_id = ?",
                             cw_case_get_id (kase)), ==, 2);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM target_address_lines", NULL), ==, 3 * 2 + 3 * 3);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contacts WHERE case_id = ?",
                             cw_case_get_id (kase)), ==, 1);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contact_address_lines", NULL), ==, 3 * 1 + 3 * 3);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM detention", NULL), ==, 1);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 2);

  other_loaded = cw_store_load_case (store, cw_case_get_id (other), &error);
  g_assert_no_error (error);
  assert_cases_equal (other, other_loaded);
}

static void
test_entries_round_trip (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) other = save_new_case (store, "John Roe");
  const char *id = cw_case_get_id (kase);
  g_autoptr(CwEntry) letters = make_entry (id, "2024-03-07", CW_ENTRY_CATEGORY_ACTIVITY,
                                           "letter", 12, FALSE, "Letters at the meeting");
  g_autoptr(CwEntry) meeting = make_entry (id, "2024-03", CW_ENTRY_CATEGORY_ACTIVITY,
                                           "meeting", CW_ENTRY_NO_COUNT, TRUE, "Met her sister");
  g_autoptr(CwEntry) reply = make_entry (id, "2024", CW_ENTRY_CATEGORY_OUTCOME,
                                         "reply", 0, FALSE, "The ministry replied");
  g_autoptr(CwEntry) update = make_entry (id, "2024-05-01", CW_ENTRY_CATEGORY_UPDATE,
                                          "coordinator-update", CW_ENTRY_NO_COUNT, FALSE,
                                          "News from the coordinator");
  g_autoptr(CwEntry) elsewhere = make_entry (cw_case_get_id (other), "2025-01-01",
                                             CW_ENTRY_CATEGORY_ACTIVITY, "card", 4, FALSE,
                                             "Cards");
  g_autoptr(CwEntry) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CwEntry *expected[4];

  cw_entry_set_notes (letters, "Twelve letters.\n\nTo the minister.");
  save_entry_ok (store, letters);
  save_entry_ok (store, meeting);
  save_entry_ok (store, reply);
  save_entry_ok (store, update);
  save_entry_ok (store, elsewhere);

  g_assert_cmpint (cw_entry_get_precision (letters), ==, CW_DATE_PRECISION_DAY);
  g_assert_cmpint (cw_entry_get_precision (meeting), ==, CW_DATE_PRECISION_MONTH);
  g_assert_cmpint (cw_entry_get_precision (reply), ==, CW_DATE_PRECISION_YEAR);

  /* Newest first, and only this case's. */
  list = cw_store_list_entries (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  expected[0] = update;
  expected[1] = letters;
  expected[2] = meeting;
  expected[3] = reply;
  for (guint i = 0; i < 4; i++)
    assert_entries_equal (expected[i], list->pdata[i]);

  /* Spelled out, so that a broken setter cannot hide behind both sides. */
  g_assert_cmpint (cw_entry_get_count (list->pdata[1]), ==, 12);
  g_assert_cmpint (cw_entry_get_count (list->pdata[2]), ==, CW_ENTRY_NO_COUNT);
  g_assert_cmpint (cw_entry_get_count (list->pdata[3]), ==, 0);
  g_assert_true (cw_entry_get_private (list->pdata[2]));
  g_assert_false (cw_entry_get_private (list->pdata[1]));
  g_assert_cmpstr (cw_entry_get_date (list->pdata[2]), ==, "2024-03");
  g_assert_cmpint (cw_entry_get_precision (list->pdata[2]), ==, CW_DATE_PRECISION_MONTH);
  g_assert_cmpint (cw_entry_get_precision (list->pdata[3]), ==, CW_DATE_PRECISION_YEAR);
  g_assert_cmpint (cw_entry_get_category (list->pdata[3]), ==, CW_ENTRY_CATEGORY_OUTCOME);
  g_assert_cmpint (cw_entry_get_category (list->pdata[0]), ==, CW_ENTRY_CATEGORY_UPDATE);
  g_assert_cmpstr (cw_entry_get_notes (list->pdata[1]), ==, "Twelve letters.\n\nTo the minister.");
  g_assert_null (cw_entry_get_notes (list->pdata[0]));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries WHERE count IS NULL", NULL), ==, 2);
  g_assert_cmpint (peek_int (path, "SELECT precision FROM entries WHERE id = ?",
                             cw_entry_get_id (meeting)), ==, 2);

  loaded = cw_store_load_entry (store, cw_entry_get_id (meeting), &error);
  g_assert_no_error (error);
  assert_entries_equal (meeting, loaded);

  g_clear_object (&loaded);
  loaded = cw_store_load_entry (store, "00000000-0000-4000-8000-000000000000", &error);
  g_assert_null (loaded);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

static void
test_entries_update (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) other = save_new_case (store, "John Roe");
  g_autoptr(CwEntry) entry = make_entry (cw_case_get_id (kase), "2024-03-07",
                                         CW_ENTRY_CATEGORY_ACTIVITY, "letter", 12, FALSE,
                                         "Letters");
  g_autoptr(CwEntry) moved = NULL;
  g_autoptr(CwEntry) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  save_entry_ok (store, entry);
  id = g_strdup (cw_entry_get_id (entry));

  cw_entry_set_date (entry, "2024-04");
  cw_entry_set_category (entry, CW_ENTRY_CATEGORY_OUTCOME);
  cw_entry_set_kind (entry, "visit");
  cw_entry_set_count (entry, CW_ENTRY_NO_COUNT);
  cw_entry_set_private (entry, TRUE);
  cw_entry_set_title (entry, "A visit");
  cw_entry_set_notes (entry, "The consul visited.");
  save_entry_ok (store, entry);
  g_assert_cmpstr (cw_entry_get_id (entry), ==, id);

  list = cw_store_list_entries (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  assert_entries_equal (entry, list->pdata[0]);
  g_assert_cmpint (cw_entry_get_count (list->pdata[0]), ==, CW_ENTRY_NO_COUNT);
  g_assert_cmpstr (cw_entry_get_kind (list->pdata[0]), ==, "visit");
  g_assert_cmpint (cw_entry_get_precision (list->pdata[0]), ==, CW_DATE_PRECISION_MONTH);

  /* An entry's id cannot be reused to move it to another case. */
  moved = cw_entry_copy (entry);
  cw_entry_set_case_id (moved, cw_case_get_id (other));
  g_assert_false (cw_store_save_entry (store, moved, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  loaded = cw_store_load_entry (store, id, NULL);
  g_assert_cmpstr (cw_entry_get_case_id (loaded), ==, cw_case_get_id (kase));
}

static void
test_entries_delete (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  g_autoptr(CwEntry) first = make_entry (cw_case_get_id (kase), "2024-03-07",
                                         CW_ENTRY_CATEGORY_ACTIVITY, "letter", 12, FALSE, "Letters");
  g_autoptr(CwEntry) second = make_entry (cw_case_get_id (kase), "2024-04-01",
                                          CW_ENTRY_CATEGORY_ACTIVITY, "card", 5, FALSE, "Cards");
  g_autoptr(CwEntry) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  save_entry_ok (store, first);
  save_entry_ok (store, second);

  g_assert_true (cw_store_delete_entry (store, cw_entry_get_id (first), &error));
  g_assert_no_error (error);

  list = cw_store_list_entries (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (cw_entry_get_id (list->pdata[0]), ==, cw_entry_get_id (second));

  loaded = cw_store_load_entry (store, cw_entry_get_id (first), &error);
  g_assert_null (loaded);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (cw_store_delete_entry (store, cw_entry_get_id (first), &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 1);
}

static void
test_profile (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwProfile) profile = NULL;
  g_autoptr(CwProfile) loaded = NULL;
  g_autoptr(CwProfile) after = NULL;
  g_autoptr(GError) error = NULL;

  /* A new database has an empty A4 profile. */
  profile = cw_store_load_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->name, ==, "");
  g_assert_cmpstr (profile->paper_size, ==, "a4");

  g_free (profile->name);
  profile->name = g_strdup ("Amnesty International Group 123");
  g_free (profile->number);
  profile->number = g_strdup ("123");
  g_free (profile->address);
  profile->address = g_strdup ("c/o The Library\nHigh Street\nAnytown AB1 2CD");
  g_free (profile->signatory);
  profile->signatory = g_strdup ("Sam Secretary");
  g_free (profile->paper_size);
  profile->paper_size = g_strdup ("letter");
  g_assert_true (cw_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  loaded = cw_store_load_profile (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, profile->name);
  g_assert_cmpstr (loaded->number, ==, "123");
  g_assert_cmpstr (loaded->address, ==, profile->address);
  g_assert_cmpstr (loaded->signatory, ==, "Sam Secretary");
  g_assert_cmpstr (loaded->paper_size, ==, "letter");

  /* A5 is refused and changes nothing. */
  g_free (loaded->paper_size);
  loaded->paper_size = g_strdup ("a5");
  g_free (loaded->name);
  loaded->name = g_strdup ("Changed");
  g_assert_false (cw_store_save_profile (store, loaded, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);

  after = cw_store_load_profile (store, NULL);
  g_assert_cmpstr (after->name, ==, "Amnesty International Group 123");
  g_assert_cmpstr (after->paper_size, ==, "letter");
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM group_profile", NULL), ==, 1);
}

static void
test_letter_templates (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwLetterTemplate) spanish = cw_letter_template_new ();
  g_autoptr(CwLetterTemplate) english = cw_letter_template_new ();
  g_autoptr(CwLetterTemplate) appeal = cw_letter_template_new ();
  g_autoptr(CwLetterTemplate) bad = cw_letter_template_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CwLetterTemplate *t;

  list = cw_store_list_letter_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  spanish->language = g_strdup ("es");
  spanish->role = g_strdup ("appeal");
  spanish->name = g_strdup ("Llamamiento");
  spanish->body = g_strdup ("Le escribo para expresar mi preocupación...");
  spanish->closing = g_strdup ("Atentamente,");
  spanish->bundled = TRUE;
  g_assert_true (cw_store_save_letter_template (store, spanish, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (spanish->id));

  english->id = g_strdup ("6f1c2d3e-4a5b-4c6d-8e7f-8a9b0c1d2e3f");
  english->language = g_strdup ("en");
  english->role = g_strdup ("copy");
  english->name = g_strdup ("To the embassy");
  english->body = g_strdup ("I am writing to ask you to forward...");
  english->closing = g_strdup ("Yours sincerely,");
  g_assert_true (cw_store_save_letter_template (store, english, &error));
  g_assert_no_error (error);

  appeal->language = g_strdup ("en");
  appeal->role = g_strdup ("appeal");
  appeal->name = g_strdup ("Zealous appeal");
  g_assert_true (cw_store_save_letter_template (store, appeal, &error));
  g_assert_no_error (error);

  /* Listed by language, then role, then name: not by name alone. */
  list = cw_store_list_letter_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  t = list->pdata[0];
  g_assert_cmpstr (t->id, ==, appeal->id);
  g_assert_cmpstr (t->body, ==, "");
  g_assert_cmpstr (t->closing, ==, "");
  t = list->pdata[1];
  g_assert_cmpstr (t->id, ==, english->id);
  g_assert_cmpstr (t->language, ==, "en");
  g_assert_cmpstr (t->role, ==, "copy");
  g_assert_cmpstr (t->name, ==, "To the embassy");
  g_assert_cmpstr (t->body, ==, english->body);
  g_assert_cmpstr (t->closing, ==, "Yours sincerely,");
  g_assert_false (t->bundled);
  t = list->pdata[2];
  g_assert_cmpstr (t->id, ==, spanish->id);
  g_assert_cmpstr (t->body, ==, spanish->body);
  g_assert_cmpstr (t->closing, ==, "Atentamente,");
  g_assert_true (t->bundled);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Saving again under the same id updates it. */
  g_free (english->body);
  english->body = g_strdup ("A new body.");
  g_assert_true (cw_store_save_letter_template (store, english, &error));
  g_assert_no_error (error);
  list = cw_store_list_letter_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((CwLetterTemplate *) list->pdata[1])->body, ==, "A new body.");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A template without a valid role is refused. */
  bad->language = g_strdup ("en");
  bad->role = g_strdup ("bcc");
  bad->name = g_strdup ("Blind copy");
  g_assert_false (cw_store_save_letter_template (store, bad, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cw_store_delete_letter_template (store, spanish->id, &error));
  g_assert_no_error (error);
  list = cw_store_list_letter_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CwLetterTemplate *) list->pdata[1])->id, ==, english->id);

  g_assert_false (cw_store_delete_letter_template (store, spanish->id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
}

static void
test_list_cases (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) first = save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = make_full_case ();
  g_autoptr(CwCase) third = save_new_case (store, "Quiet case");
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = cw_case_get_id (first);
  CwCase *summary;

  g_assert_true (cw_store_save_case (store, second, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      static const char * const dates[] = { "2024-03-07", "2024-05", "2023-12-31" };
      g_autoptr(CwEntry) entry = make_entry (id, dates[i], CW_ENTRY_CATEGORY_ACTIVITY,
                                             "letter", 1, FALSE, "Letter");

      save_entry_ok (store, entry);
    }
  {
    g_autoptr(CwEntry) entry = make_entry (cw_case_get_id (second), "2025", CW_ENTRY_CATEGORY_OUTCOME,
                                           "release", CW_ENTRY_NO_COUNT, FALSE, "Released");
    save_entry_ok (store, entry);
  }

  cases = cw_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 3);

  /* In the order they were added. */
  summary = cases->pdata[0];
  g_assert_cmpstr (cw_case_get_id (summary), ==, id);
  g_assert_cmpstr (cw_case_get_title (summary), ==, "Jane Doe");
  g_assert_cmpstr (cw_case_get_country_code (summary), ==, "XX");
  g_assert_cmpstr (cw_case_get_last_activity (summary), ==, "2024-05");
  g_assert_false (cw_case_get_has_details (summary));
  g_assert_true (cw_timestamp_is_valid (cw_case_get_updated (summary)));

  summary = cases->pdata[1];
  g_assert_cmpstr (cw_case_get_id (summary), ==, cw_case_get_id (third));
  g_assert_null (cw_case_get_last_activity (summary));

  summary = cases->pdata[2];
  g_assert_cmpstr (cw_case_get_id (summary), ==, cw_case_get_id (second));
  g_assert_cmpstr (cw_case_get_last_activity (summary), ==, "2025");
  g_assert_cmpint (cw_case_get_case_type (summary), ==, CW_CASE_TYPE_URGENT_ACTION);
  g_assert_cmpint (cw_case_get_status (summary), ==, CW_CASE_STATUS_CLOSED);
  g_assert_cmpstr (cw_case_get_region (summary), ==, "americas");
  g_assert_cmpuint (cw_case_get_ua_sequence (summary), ==, 3);
}

static void
test_count_and_has (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) first = NULL;
  g_autoptr(CwCase) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (cw_store_count_cases (store), ==, 0);
  g_assert_false (cw_store_has_case (store, "00000000-0000-4000-8000-000000000000"));

  first = save_new_case (store, "Jane Doe");
  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);
  second = save_new_case (store, "John Roe");
  g_assert_cmpuint (cw_store_count_cases (store), ==, 2);
  g_assert_true (cw_store_has_case (store, cw_case_get_id (first)));
  g_assert_true (cw_store_has_case (store, cw_case_get_id (second)));

  /* Saving again is not a new case. */
  g_assert_true (cw_store_save_case (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (store), ==, 2);

  g_assert_true (cw_store_delete_case (store, cw_case_get_id (first), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);
  g_assert_false (cw_store_has_case (store, cw_case_get_id (first)));
  g_assert_true (cw_store_has_case (store, cw_case_get_id (second)));

  g_assert_false (cw_store_delete_case (store, cw_case_get_id (first), &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);
}

/* ------------------------------------------------------------------ */
/* Foreign keys */

static void
test_fk_entry_needs_case (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  g_autoptr(Recorder) rec = recorder_new (store, NULL);
  g_autoptr(CwEntry) orphan = make_entry ("0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d", "2024-03-07",
                                          CW_ENTRY_CATEGORY_ACTIVITY, "letter", 3, FALSE,
                                          "Letters");
  g_autoptr(CwEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cw_store_save_entry (store, orphan, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 1);
  loaded = cw_store_load_entry (store, cw_entry_get_id (orphan), &error);
  g_assert_null (loaded);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (rec->events->len, ==, 0);

  /* The store is still usable afterwards. */
  cw_entry_set_case_id (orphan, cw_case_get_id (kase));
  save_entry_ok (store, orphan);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 1);
}

static void
test_fk_delete_case_cascades (void)
{
  static const char * const tables[] = {
    "entries", "case_references", "case_themes", "people", "detention", "safety_notes",
    "contacts", "targets", "recommended_actions", "model_letters",
  };
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) doomed = make_full_case ();
  g_autoptr(CwCase) kept = make_full_case ();
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_save_case (store, doomed, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_save_case (store, kept, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      CwCase *kase = i == 0 ? doomed : kept;
      g_autoptr(CwEntry) a = make_entry (cw_case_get_id (kase), "2024-03-07",
                                         CW_ENTRY_CATEGORY_ACTIVITY, "letter", 2, FALSE, "A");
      g_autoptr(CwEntry) b = make_entry (cw_case_get_id (kase), "2024-04",
                                         CW_ENTRY_CATEGORY_UPDATE, "follow-up",
                                         CW_ENTRY_NO_COUNT, TRUE, "B");

      save_entry_ok (store, a);
      save_entry_ok (store, b);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE case_id = ?", tables[i]);

      g_test_message ("before: %s", tables[i]);
      g_assert_cmpint (peek_int (path, sql, cw_case_get_id (doomed)), >, 0);
    }
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM target_address_lines", NULL), ==, 18);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contact_address_lines", NULL), ==, 18);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_search", NULL), ==, 2);

  g_assert_true (cw_store_delete_case (store, cw_case_get_id (doomed), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE case_id = ?", tables[i]);

      g_test_message ("after: %s", tables[i]);
      g_assert_cmpint (peek_int (path, sql, cw_case_get_id (doomed)), ==, 0);
      g_assert_cmpint (peek_int (path, sql, cw_case_get_id (kept)), >, 0);
    }
  /* Address lines hang off targets and contacts, not the case. */
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM target_address_lines", NULL), ==, 9);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contact_address_lines", NULL), ==, 9);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM target_address_lines l"
                             " LEFT JOIN targets t ON t.num = l.target WHERE t.num IS NULL",
                             NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM contact_address_lines l"
                             " LEFT JOIN contacts c ON c.num = l.contact WHERE c.num IS NULL",
                             NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_search", NULL), ==, 1);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 1);

  entries = cw_store_list_entries (store, cw_case_get_id (doomed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);

  loaded = cw_store_load_case (store, cw_case_get_id (kept), &error);
  g_assert_no_error (error);
  assert_cases_equal (kept, loaded);
}

/* ------------------------------------------------------------------ */
/* Transactions */

static void
test_transaction_rollback_validation (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(Recorder) rec = recorder_new (store, path);
  g_autoptr(CwCase) kase = make_full_case ();
  g_autoptr(CwCase) bad_case = make_case ("Bad region");
  g_autoptr(CwEntry) entry = NULL;
  g_autoptr(CwEntry) bad_entry = NULL;
  g_autoptr(CwCase) committed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (store, &error));
  g_assert_no_error (error);

  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  entry = make_entry (cw_case_get_id (kase), "2024-03-07", CW_ENTRY_CATEGORY_ACTIVITY,
                      "letter", 12, FALSE, "Letters");
  save_entry_ok (store, entry);

  /* Nothing is announced while the transaction is open. */
  g_assert_cmpuint (rec->events->len, ==, 0);

  bad_entry = make_entry (cw_case_get_id (kase), "2024-03-08", CW_ENTRY_CATEGORY_OUTCOME,
                          "letter", CW_ENTRY_NO_COUNT, FALSE, "Not an outcome");
  g_assert_false (cw_store_save_entry (store, bad_entry, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cw_case_set_region (bad_case, "mars");
  g_assert_false (cw_store_save_case (store, bad_case, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  cw_store_rollback (store);

  g_assert_false (cw_store_has_case (store, cw_case_get_id (kase)));
  g_assert_cmpuint (cw_store_count_cases (store), ==, 0);
  g_assert_null (cw_store_load_entry (store, cw_entry_get_id (entry), NULL));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM people", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM target_address_lines", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_search", NULL), ==, 0);
  g_assert_cmpuint (count_events (rec, "case-added", cw_case_get_id (kase)), ==, 0);
  g_assert_cmpuint (rec->events->len, ==, 0);

  /* The same case, committed, is announced exactly once. */
  committed = save_new_case (store, "Committed");
  g_assert_cmpuint (rec->events->len, ==, 1);
  assert_event (rec, 0, "case-added", cw_case_get_id (committed));
  g_assert_cmpuint (rec->not_committed, ==, 0);
}

static void
test_transaction_rollback_sql_failure (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(Recorder) rec = recorder_new (store, path);
  g_autoptr(CwCase) kase = make_case ("Jane Doe");
  g_autoptr(CwEntry) entry = NULL;
  g_autoptr(CwEntry) orphan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  entry = make_entry (cw_case_get_id (kase), "2024-03", CW_ENTRY_CATEGORY_ACTIVITY,
                      "petition", 250, FALSE, "Petition");
  save_entry_ok (store, entry);

  /* Valid on its face, refused by SQLite itself. */
  orphan = make_entry ("0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d", "2024-03-07",
                       CW_ENTRY_CATEGORY_ACTIVITY, "letter", 3, FALSE, "Orphan");
  g_assert_false (cw_store_save_entry (store, orphan, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);

  /* Still inside the outer transaction: what came before is still there. */
  g_assert_true (cw_store_has_case (store, cw_case_get_id (kase)));

  cw_store_rollback (store);

  g_assert_false (cw_store_has_case (store, cw_case_get_id (kase)));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 0);
  g_assert_cmpuint (rec->events->len, ==, 0);
}

static void
test_transaction_nested_rollback (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(Recorder) rec = recorder_new (store, path);
  g_autoptr(CwCase) survivor = save_new_case (store, "Survivor");
  g_autoptr(CwCase) kept = make_case ("Kept");
  g_autoptr(CwCase) dropped = make_case ("Dropped");
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (rec->events, 0);

  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_save_case (store, kept, &error));
  g_assert_no_error (error);

  /* Inner steps that are taken back while the outer one goes on. */
  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_save_case (store, dropped, &error));
  g_assert_no_error (error);
  cw_store_rollback (store);

  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_delete_case (store, cw_case_get_id (survivor), &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_begin (store, &error));
  cw_case_set_title (kept, "Kept, renamed");
  g_assert_true (cw_store_save_case (store, kept, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_commit (store, &error));   /* into the step below */
  cw_store_rollback (store);

  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (cw_store_has_case (store, cw_case_get_id (kept)));
  g_assert_false (cw_store_has_case (store, cw_case_get_id (dropped)));
  g_assert_true (cw_store_has_case (store, cw_case_get_id (survivor)));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 2);

  /* Only what was committed is announced. */
  g_assert_cmpuint (count_events (rec, "case-added", cw_case_get_id (dropped)), ==, 0);
  g_assert_cmpuint (count_events (rec, "case-removed", cw_case_get_id (survivor)), ==, 0);
  g_assert_cmpuint (count_events (rec, "case-changed", cw_case_get_id (kept)), ==, 0);
  g_assert_cmpuint (rec->events->len, ==, 1);
  assert_event (rec, 0, "case-added", cw_case_get_id (kept));
  g_assert_cmpuint (rec->not_committed, ==, 0);

  /* And the store goes on announcing what is committed afterwards. */
  g_assert_true (cw_store_delete_case (store, cw_case_get_id (survivor), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec->events->len, ==, 2);
  assert_event (rec, 1, "case-removed", cw_case_get_id (survivor));
}

/* ------------------------------------------------------------------ */
/* Validation */

static void
assert_case_refused (CwStore    *store,
                     const char *path,
                     CwCase     *kase)
{
  g_autoptr(GError) error = NULL;
  guint before = cw_store_count_cases (store);

  g_assert_false (cw_store_save_case (store, kase, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpuint (cw_store_count_cases (store), ==, before);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, before);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM people", NULL), ==, 0);
  if (cw_case_get_id (kase) != NULL)
    g_assert_false (cw_store_has_case (store, cw_case_get_id (kase)));
}

static void
test_validation_case (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(Recorder) rec = recorder_new (store, NULL);
  CwPerson *person;

  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_title (kase, "");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_title (kase, NULL);
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_country_code (kase, "co");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_country_code (kase, "COL");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_region (kase, "mars");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_closed_outcome (kase, "won");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_opened (kase, "2026-02-30");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    cw_case_set_ua_deadline (kase, "2026-1-5");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    person = cw_case_get_people (kase)->pdata[1];
    g_free (person->born);
    person->born = g_strdup ("2026-02-30");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    person = cw_case_get_people (kase)->pdata[0];
    g_free (person->role);
    person->role = g_strdup ("neighbour");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    CwTarget *target = cw_case_get_targets (kase)->pdata[0];
    g_free (target->role);
    target->role = g_strdup ("bcc");
    assert_case_refused (store, path, kase);
  }
  {
    g_autoptr(CwCase) kase = make_full_case ();
    CwContact *holder = cw_case_get_holders (kase)->pdata[1];
    g_free (holder->to);
    holder->to = g_strdup ("2025-02-29");
    assert_case_refused (store, path, kase);
  }

  g_assert_cmpuint (cw_store_count_cases (store), ==, 0);
  g_assert_cmpuint (rec->events->len, ==, 0);

  /* A refused edit leaves the stored case as it was. */
  {
    g_autoptr(CwCase) kase = make_full_case ();
    g_autoptr(CwCase) edit = NULL;
    g_autoptr(CwCase) loaded = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (cw_store_save_case (store, kase, &error));
    g_assert_no_error (error);
    edit = cw_store_load_case (store, cw_case_get_id (kase), &error);
    g_assert_no_error (error);
    cw_case_set_title (edit, "Edited");
    cw_case_set_region (edit, "mars");
    g_assert_false (cw_store_save_case (store, edit, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);

    loaded = cw_store_load_case (store, cw_case_get_id (kase), NULL);
    assert_cases_equal (kase, loaded);
  }
}

static void
assert_entry_refused (CwStore    *store,
                      const char *path,
                      CwEntry    *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cw_store_save_entry (store, entry, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 0);
}

static void
test_validation_entry (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  g_autoptr(Recorder) rec = recorder_new (store, NULL);
  const char *id = cw_case_get_id (kase);

  {
    g_autoptr(CwEntry) entry = make_entry (id, "2026-02-30", CW_ENTRY_CATEGORY_ACTIVITY,
                                           "letter", 1, FALSE, "Letters");
    assert_entry_refused (store, path, entry);
  }
  {
    g_autoptr(CwEntry) entry = make_entry (id, NULL, CW_ENTRY_CATEGORY_ACTIVITY,
                                           "letter", 1, FALSE, "Letters");
    assert_entry_refused (store, path, entry);
  }
  {
    g_autoptr(CwEntry) entry = make_entry (id, "2026-03-01", CW_ENTRY_CATEGORY_OUTCOME,
                                           "letter", CW_ENTRY_NO_COUNT, FALSE, "Letters");
    assert_entry_refused (store, path, entry);
  }
  {
    g_autoptr(CwEntry) entry = make_entry (id, "2026-03-01", CW_ENTRY_CATEGORY_ACTIVITY,
                                           "release", CW_ENTRY_NO_COUNT, FALSE, "Released");
    assert_entry_refused (store, path, entry);
  }
  {
    g_autoptr(CwEntry) entry = make_entry (id, "2026-03-01", CW_ENTRY_CATEGORY_ACTIVITY,
                                           "letter", 1, FALSE, "");
    assert_entry_refused (store, path, entry);
  }
  {
    g_autoptr(CwEntry) entry = make_entry (NULL, "2026-03-01", CW_ENTRY_CATEGORY_ACTIVITY,
                                           "letter", 1, FALSE, "No case");
    assert_entry_refused (store, path, entry);
  }

  g_assert_cmpuint (rec->events->len, ==, 0);

  /* The same kind is fine under its own category. */
  {
    g_autoptr(CwEntry) entry = make_entry (id, "2026-03-01", CW_ENTRY_CATEGORY_OUTCOME,
                                           "release", CW_ENTRY_NO_COUNT, FALSE, "Released");
    save_entry_ok (store, entry);
  }
}

/* ------------------------------------------------------------------ */
/* Databases the store did not write, or not this version of it */

static void
test_newer_version_read_only (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *raise = NULL;
  g_autofree char *version_text = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwCase) fresh = make_case ("New");
  g_autoptr(CwEntry) entry = NULL;
  g_autoptr(CwProfile) profile = NULL;
  g_autoptr(CwLetterTemplate) tmpl = cw_letter_template_new ();
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const int newer = CW_STORE_SCHEMA_VERSION + 5;

  store = open_store (path);
  kase = save_new_case (store, "Jane Doe");
  entry = make_entry (cw_case_get_id (kase), "2024-03-07", CW_ENTRY_CATEGORY_ACTIVITY,
                      "letter", 3, FALSE, "Letters");
  save_entry_ok (store, entry);
  g_clear_object (&store);

  raise = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;", newer);
  peek_exec (path, raise);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = read_bytes (path);

  store = cw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (cw_store_get_read_only (store));
  /* Not just a flag: the connection itself cannot write. */
  g_assert_cmpint (sqlite3_db_readonly (store->db, "main"), ==, 1);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, newer);
  g_assert_nonnull (cw_store_get_read_only_reason (store));
  g_assert_nonnull (strstr (cw_store_get_read_only_reason (store), "newer"));
  version_text = g_strdup_printf ("%d", newer);
  g_assert_nonnull (strstr (cw_store_get_read_only_reason (store), version_text));

  /* Everything can be read. */
  cases = cw_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (cw_case_get_title (cases->pdata[0]), ==, "Jane Doe");
  g_assert_cmpstr (cw_case_get_last_activity (cases->pdata[0]), ==, "2024-03-07");
  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  entries = cw_store_list_entries (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  found = cw_store_search_cases (store, "Jane", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (found, cw_case_get_id (kase)));
  profile = cw_store_load_profile (store, &error);
  g_assert_no_error (error);

  /* Nothing can be written. */
  g_assert_false (cw_store_save_case (store, fresh, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  cw_case_set_title (loaded, "Changed");
  g_assert_false (cw_store_save_case (store, loaded, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cw_store_delete_case (store, cw_case_get_id (kase), &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  cw_entry_set_title (entry, "Changed");
  g_assert_false (cw_store_save_entry (store, entry, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cw_store_delete_entry (store, cw_entry_get_id (entry), &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cw_store_save_profile (store, profile, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  tmpl->language = g_strdup ("en");
  tmpl->role = g_strdup ("appeal");
  tmpl->name = g_strdup ("Appeal");
  g_assert_false (cw_store_save_letter_template (store, tmpl, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cw_store_begin (store, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&store);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  names = list_dir (tmp->path);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, "casework.db");
}

static void
test_migration_empty_file (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  store = open_store (path);
  g_assert_false (cw_store_get_read_only (store));
  g_assert_cmpint (cw_store_get_schema_version (store), ==, CW_STORE_SCHEMA_VERSION);
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, CW_STORE_SCHEMA_VERSION);
  g_assert_true (peek_has_table (path, "cases"));
  g_assert_true (peek_has_table (path, "letter_templates"));
  g_assert_true (peek_has_table (path, "case_search"));
  kase = save_new_case (store, "Jane Doe");
  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);

  /* An empty file had nothing to back up. */
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v", NULL), ==, 0);
}

static void
assert_refused_untouched (TmpDir     *tmp,
                          const char *path)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  store = cw_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK);
  g_test_message ("refused: %s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  names = list_dir (tmp->path);
  g_assert_cmpuint (names->len, ==, 1);
}

/* Only a Casework database of an older schema needs bringing up to date;
 * looking does not create or change the file. */
static void
test_migration_needed (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *missing = tmp_dir_file (tmp, "missing.db");
  g_autofree char *text = tmp_dir_file (tmp, "notes.txt");
  g_autofree char *empty = tmp_dir_file (tmp, "empty.db");
  g_autofree char *current = tmp_dir_file (tmp, "current.db");
  g_autofree char *newer = tmp_dir_file (tmp, "newer.db");
  g_autoptr(CwStore) store = NULL;

  g_assert_false (cw_store_file_needs_update (missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (cw_store_file_needs_update (tmp->path));

  g_assert_true (g_file_set_contents (text, "Not a database at all.\n", -1, NULL));
  g_assert_false (cw_store_file_needs_update (text));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_false (cw_store_file_needs_update (empty));

  store = open_store (current);
  g_clear_object (&store);
  g_assert_false (cw_store_file_needs_update (current));

  store = open_store (newer);
  g_clear_object (&store);
  G_STATIC_ASSERT (CW_STORE_SCHEMA_VERSION == 4);
  peek_exec (newer, "PRAGMA user_version = 5");
  g_assert_false (cw_store_file_needs_update (newer));
  peek_exec (newer, "PRAGMA user_version = 3");
  g_assert_true (cw_store_file_needs_update (newer));
  peek_exec (newer, "PRAGMA user_version = 1");
  g_assert_true (cw_store_file_needs_update (newer));
  g_assert_cmpint (peek_int (newer, "PRAGMA user_version", NULL), ==, 1);
}

static void
test_migration_not_sqlite (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "hello", -1, &error);
  g_assert_no_error (error);
  assert_refused_untouched (tmp, path);
}

static void
test_migration_other_program (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT);"
                                     "INSERT INTO notes VALUES ('shopping list');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 0);

  assert_refused_untouched (tmp, path);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM sqlite_schema", NULL), ==, 1);
}

/* The real steps followed by one made up for the test. */
static CwMigration *
migrations_plus (const char *sql,
                 guint      *n_steps)
{
  guint n = 0;
  const CwMigration *real = cw_store_migrations (&n);
  CwMigration *steps = g_new0 (CwMigration, n + 1);

  memcpy (steps, real, n * sizeof (CwMigration));
  steps[n].version = CW_STORE_SCHEMA_VERSION + 1;
  steps[n].sql = sql;
  *n_steps = n + 1;
  return steps;
}

/* A database of the current version with one case in it. */
static CwCase *
make_current_database (const char *path)
{
  g_autoptr(CwStore) store = open_store (path);
  CwCase *kase = make_full_case ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

/* A database as the first schema left it, with one case in it: the real
 * first step of the schema and nothing after it. */
static CwStore *
open_v1_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  const CwMigration *real;
  guint n = 0;
  CwStore *store;

  real = cw_store_migrations (&n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpint (real[0].version, ==, 1);
  store = cw_store_open_with_migrations (path, real, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 1);
  return store;
}

static CwCase *
make_v1_database (const char *path)
{
  g_autoptr(CwStore) store = open_v1_store (path);
  CwCase *kase = make_full_case ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static void
test_migration_v1_to_v2 (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autofree char *backup = NULL;
  g_autofree char *title = NULL;
  g_autofree char *how = NULL, *next = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;

  kase = make_v1_database (path);
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 1);
  g_assert_false (peek_has_table (path, "report_notes"));
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v", NULL), ==, 0);

  /* Opening it as this version does moves it to version 4, case and all. */
  store = open_store (path);
  g_assert_false (cw_store_get_read_only (store));
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 4);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, loaded);
  g_clear_object (&loaded);

  /* What version 2 brings works on the migrated data. */
  g_assert_true (cw_store_save_report_note (store, cw_case_get_id (kase), 2025,
                                            "A good year.", "More letters.", &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_load_report_note (store, cw_case_get_id (kase), 2025, &how, &next,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (how, ==, "A good year.");
  g_assert_cmpstr (next, ==, "More letters.");
  g_clear_object (&store);

  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 4);
  g_assert_true (peek_has_table (path, "report_notes"));
  /* Version 3's index of follow-ups, which the case list reads. */
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM sqlite_schema"
                                   " WHERE type = 'index' AND name = 'entries_follow_ups'", NULL), ==, 1);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 1);

  /* The version-1 data lies beside it, as it was. */
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v1-backup-", &backup), ==, 1);
  g_assert_cmpint (peek_int (backup, "PRAGMA user_version", NULL), ==, 1);
  g_assert_false (peek_has_table (backup, "report_notes"));
  title = peek_text (backup, "SELECT title FROM cases WHERE id = ?", cw_case_get_id (kase));
  g_assert_cmpstr (title, ==, cw_case_get_title (kase));

  /* The backup opens as the version-1 database it is. */
  store = open_v1_store (backup);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, loaded);
  g_clear_object (&store);

  /* Opening the migrated database again migrates and backs up nothing more. */
  store = open_store (path);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 4);
  g_clear_object (&store);
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v", NULL), ==, 1);
}

/* A version-3 timeline is made anew for version 4: every entry the same,
 * under the same rowid, with the same indexes, and the category still
 * checked. */
static void
test_migration_v3_to_v4 (void)
{
  static const CwEntryCategory categories[] = {
    CW_ENTRY_CATEGORY_ACTIVITY, CW_ENTRY_CATEGORY_OUTCOME, CW_ENTRY_CATEGORY_UPDATE,
  };
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CwCase) kase = make_case ("Migrated timeline");
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const CwMigration *real;
  sqlite3 *db;
  guint n = 0;

  real = cw_store_migrations (&n);
  g_assert_cmpint (real[2].version, ==, 3);
  store = cw_store_open_with_migrations (path, real, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 3);
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-1%u", i + 1, i);
      g_autofree char *title = g_strdup_printf ("Entry %u", i);
      gboolean activity = i % 3 == 0;
      CwEntry *entry = make_entry (cw_case_get_id (kase), date, categories[i % 3],
                                   activity ? "letter" : i == 5 ? "follow-up" : NULL,
                                   activity ? (gint64) i + 1 : CW_ENTRY_NO_COUNT,
                                   i % 4 == 0, title);

      if (i % 3 == 1)
        cw_entry_set_notes (entry, "Written by hand, \u201cwith care\u201d.");
      save_entry_ok (store, entry);
      g_ptr_array_add (saved, entry);
    }
  /* A gap in the rowids, as deleting leaves. */
  g_assert_true (cw_store_delete_entry (store, cw_entry_get_id (g_ptr_array_index (saved, 2)),
                                        &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (saved, 2);
  g_clear_object (&store);

  /* Enough of a timeline that copying it leaves pages to give back. */
  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                         " INSERT INTO entries (id, case_id, date, precision, category, title,"
                         "                      created, updated)"
                         " SELECT printf ('%%036d', i), '%s', '2024-05-01', 3, 'activity',"
                         "        printf ('Letter %%d, written at the stall in the market square', i),"
                         "        '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z' FROM n",
                         cw_case_get_id (kase));
  peek_exec (path, sql);
  g_clear_pointer (&sql, g_free);

  for (guint i = 0; i < saved->len; i++)
    {
      gint64 rowid = peek_int (path, "SELECT rowid FROM entries WHERE id = ?",
                               cw_entry_get_id (g_ptr_array_index (saved, i)));
      g_array_append_val (rowids, rowid);
    }

  /* The window can tell before opening it that this one takes a while. */
  g_assert_true (cw_store_file_needs_update (path));
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 3);

  store = open_store (path);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 4);
  g_assert_false (cw_store_file_needs_update (path));
  g_assert_cmpuint (cw_store_count_entries (store, cw_case_get_id (kase)), ==, saved->len + 3000);
  for (guint i = 0; i < saved->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (saved, i);
      g_autoptr(CwEntry) again = cw_store_load_entry (store, cw_entry_get_id (entry), &error);

      g_assert_no_error (error);
      assert_entries_equal (entry, again);
    }
  g_clear_object (&store);

  for (guint i = 0; i < saved->len; i++)
    g_assert_cmpint (peek_int (path, "SELECT rowid FROM entries WHERE id = ?",
                               cw_entry_get_id (g_ptr_array_index (saved, i))),
                     ==, g_array_index (rowids, gint64, i));
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 4);
  g_assert_false (peek_has_table (path, "entries_v4"));
  /* The old table's pages were given back, not kept in the file. */
  g_assert_cmpint (peek_int (path, "PRAGMA freelist_count", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                   " AND tbl_name = 'entries' AND name IN"
                                   " ('entries_by_case_date', 'entries_follow_ups')", NULL), ==, 2);
  sql = peek_text (path, "SELECT sql FROM sqlite_schema WHERE name = ?", "entries");
  g_assert_nonnull (strstr (sql, "CREATE TABLE \"entries\""));
  g_assert_null (strstr (sql, "category IN"));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM pragma_integrity_check"
                                   " WHERE integrity_check <> 'ok'", NULL), ==, 0);

  /* The check still refuses a category the format does not have. */
  db = peek_open (path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET category = 'rumour'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  /* Deleting the case still takes its timeline with it. */
  store = open_store (path);
  g_assert_true (cw_store_delete_case (store, cw_case_get_id (kase), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_entries (store, cw_case_get_id (kase)), ==, 0);
}

static void
test_migration_backup (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autofree char *backup = NULL;
  g_autofree char *title = NULL;
  g_autofree CwMigration *steps = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_steps;

  kase = make_current_database (path);
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v", NULL), ==, 0);

  steps = migrations_plus ("CREATE TABLE extra (x INTEGER); PRAGMA user_version = 5;", &n_steps);
  store = cw_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (cw_store_get_read_only (store));
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 5);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, loaded);
  g_clear_object (&loaded);
  g_clear_object (&store);

  /* The main database moved on, with its data. */
  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 5);
  g_assert_true (peek_has_table (path, "extra"));
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM cases", NULL), ==, 1);

  /* A backup of version 4 lies beside it. */
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v4-backup-", &backup), ==, 1);
  g_assert_cmpint (peek_int (backup, "PRAGMA user_version", NULL), ==, 4);
  g_assert_false (peek_has_table (backup, "extra"));
  title = peek_text (backup, "SELECT title FROM cases WHERE id = ?", cw_case_get_id (kase));
  g_assert_cmpstr (title, ==, cw_case_get_title (kase));

  /* And it opens as a Casework database of its own. */
  store = open_store (backup);
  g_assert_false (cw_store_get_read_only (store));
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 4);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, loaded);
  g_clear_object (&store);

  /* Opening the migrated database again migrates nothing more. */
  store = cw_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 5);
  g_clear_object (&store);
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v4-backup-", NULL), ==, 1);
  g_assert_cmpuint (count_prefix (tmp->path, "casework.db.v5-backup-", NULL), ==, 0);
}

static void
assert_failed_migration_left_as_it_was (const char *sql)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autofree CwMigration *steps = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) loaded = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_steps;

  kase = make_current_database (path);

  steps = migrations_plus (sql, &n_steps);
  store = cw_store_open_with_migrations (path, steps, n_steps, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CW_STORE_ERROR);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (peek_int (path, "PRAGMA user_version", NULL), ==, 4);
  g_assert_false (peek_has_table (path, "extra"));

  /* The case is intact, and the database opens as before. */
  store = open_store (path);
  g_assert_cmpint (cw_store_get_schema_version (store), ==, 4);
  loaded = cw_store_load_case (store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  assert_cases_equal (kase, loaded);
}

static void
test_migration_failed_step (void)
{
  assert_failed_migration_left_as_it_was ("CREATE TABLE extra (x INTEGER);"
                                          " INSERT INTO no_such_table VALUES (1);"
                                          " PRAGMA user_version = 5;");
}

static void
test_migration_failed_last_statement (void)
{
  /* Even after the step has moved user_version, an error undoes it all. */
  assert_failed_migration_left_as_it_was ("CREATE TABLE extra (x INTEGER);"
                                          " PRAGMA user_version = 5;"
                                          " INSERT INTO no_such_table VALUES (1);");
}

static void
test_migration_step_without_version (void)
{
  /* A step that forgets to move user_version is refused, not half-applied. */
  assert_failed_migration_left_as_it_was ("CREATE TABLE extra (x INTEGER);");
}

/* ------------------------------------------------------------------ */
/* Search */

typedef struct {
  char *jane;     /* Tomás Pérez, Colombia */
  char *hoa;      /* Nguyen Van Hoa, Viet Nam */
  char *bosque;   /* a community in Colombia */
} SearchCases;

static void
search_cases_clear (SearchCases *cases)
{
  g_free (cases->jane);
  g_free (cases->hoa);
  g_free (cases->bosque);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SearchCases, search_cases_clear)

static char *
save_search_case (CwStore    *store,
                  const char *title,
                  const char *person_name,
                  const char *other_names,
                  const char *reference,
                  const char *country_code,
                  const char *country_name,
                  const char *summary)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;
  CwPerson *person = cw_person_new ();

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, country_code);
  cw_case_set_country_name (kase, country_name);
  cw_case_set_summary (kase, summary);
  person->role = g_strdup ("subject");
  person->name = g_strdup (person_name);
  person->other_names = g_strdup (other_names);
  g_ptr_array_add (cw_case_get_people (kase), person);
  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new ("ai-index", reference));

  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return g_strdup (cw_case_get_id (kase));
}

static void
fill_search_store (CwStore     *store,
                   SearchCases *cases)
{
  cases->jane = save_search_case (store, "Tomás Pérez", "Tomás Pérez Rodríguez", "El Profe",
                                  "AMR 23/1234/2019", "CO", "Colombia",
                                  "A trade unionist detained after a peaceful protest.");
  cases->hoa = save_search_case (store, "Nguyen Van Hoa", "Nguyen Van Hoa", NULL,
                                 "ASA 41/5678/2021", "VN", "Viet Nam",
                                 "A blogger sentenced for posts about pollution in the river.");
  cases->bosque = save_search_case (store, "Women of El Bosque", "Ana Gómez", NULL,
                                    "AMR 24/0001/2022", "CO", "Colombia",
                                    "Families forcibly evicted from their homes.");
}

/* Searches for @text and expects exactly the ids given, NULL-terminated. */
static void
assert_search (CwStore    *store,
               const char *text,
               ...)
{
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n_expected = 0;
  va_list args;

  g_test_message ("searching “%s”", text);
  found = cw_store_search_cases (store, text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  va_start (args, text);
  for (const char *id = va_arg (args, const char *); id != NULL; id = va_arg (args, const char *))
    {
      g_assert_true (g_hash_table_contains (found, id));
      n_expected++;
    }
  va_end (args);

  g_assert_cmpuint (g_hash_table_size (found), ==, n_expected);
}

static void
test_search_fields (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_auto(SearchCases) c = { 0 };

  fill_search_store (store, &c);

  /* Title, by prefix. */
  assert_search (store, "Tom", c.jane, NULL);
  assert_search (store, "Nguy", c.hoa, NULL);
  assert_search (store, "Bosque", c.bosque, NULL);
  /* People's names and other names. */
  assert_search (store, "Rodríguez", c.jane, NULL);
  assert_search (store, "Profe", c.jane, NULL);
  assert_search (store, "Ana", c.bosque, NULL);
  /* References. */
  assert_search (store, "AMR 23", c.jane, NULL);
  assert_search (store, "AMR", c.jane, c.bosque, NULL);
  assert_search (store, "ASA 41/5678", c.hoa, NULL);
  /* Country, by name and code. */
  assert_search (store, "Colombia", c.jane, c.bosque, NULL);
  assert_search (store, "viet", c.hoa, NULL);
  assert_search (store, "VN", c.hoa, NULL);
  /* Summary words. */
  assert_search (store, "pollution", c.hoa, NULL);
  assert_search (store, "evicted", c.bosque, NULL);
  assert_search (store, "protest", c.jane, NULL);
  /* Case does not matter; nothing matches nothing. */
  assert_search (store, "COLOMBIA", c.jane, c.bosque, NULL);
  assert_search (store, "zanzibar", NULL);
}

static void
test_search_accents (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_auto(SearchCases) c = { 0 };

  fill_search_store (store, &c);

  assert_search (store, "Tomas", c.jane, NULL);
  assert_search (store, "tomás", c.jane, NULL);
  assert_search (store, "TOMÁS", c.jane, NULL);
  assert_search (store, "perez", c.jane, NULL);
  assert_search (store, "Gomez", c.bosque, NULL);
  assert_search (store, "Gómez", c.bosque, NULL);
  /* And the other way round: an accent typed that the case lacks. */
  assert_search (store, "Nguyễn", c.hoa, NULL);
}

static void
test_search_and (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_auto(SearchCases) c = { 0 };

  fill_search_store (store, &c);

  assert_search (store, "Tomás Colombia", c.jane, NULL);
  assert_search (store, "Colombia evicted", c.bosque, NULL);
  assert_search (store, "  colombia   families  ", c.bosque, NULL);
  assert_search (store, "Tomás pollution", NULL);
  assert_search (store, "Colombia Viet", NULL);
}

static void
test_search_empty (void)
{
  static const char * const blanks[] = { "", " ", "   ", "\t", " \n\r\t ", NULL };
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_auto(SearchCases) c = { 0 };

  fill_search_store (store, &c);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      GHashTable *found = cw_store_search_cases (store, blanks[i], &error);

      g_assert_no_error (error);
      g_assert_null (found);
    }
}

static void
test_search_syntax (void)
{
  /* Each is searched as plain text: no error, whatever it finds. */
  static const char * const odd[] = {
    "\"", "\"\"", "*", "-", ":", "(", ")", "^", "+", "NEAR(", "NEAR(Tomás Pérez)",
    "NEAR(Tomás Pérez, 2)", "title:Tomás", "{title refs}: AMR", "Tomás AND", "OR", "NOT Tomás",
    "Tomás OR Nguyen", "AMR-23", "Tom's", "\"Tomás", "Tomás\"", "\"Tomás Pérez\"", "Tom*",
    "**", "-Tomás", "c:", "'", "\\", "%", "_", ";DROP TABLE cases;--",
  };
  /* And these still find the word in them. */
  static const char * const finds_jane[] = {
    "\"Tomás", "Tomás\"", "Tom*", "-Tomás", "(Tomás", "Tomás)", "^Tom", "\"Tomás Pérez\"",
  };
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_auto(SearchCases) c = { 0 };

  fill_search_store (store, &c);

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) found = NULL;

      g_test_message ("searching “%s”", odd[i]);
      found = cw_store_search_cases (store, odd[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  for (guint i = 0; i < G_N_ELEMENTS (finds_jane); i++)
    assert_search (store, finds_jane[i], c.jane, NULL);

  /* "OR" is a word like any other, not an operator. */
  assert_search (store, "Tomás OR Nguyen", NULL);
  g_assert_cmpuint (cw_store_count_cases (store), ==, 3);
}

static void
test_search_follows_changes (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SearchCases) c = { 0 };
  CwPerson *person;

  fill_search_store (store, &c);

  /* A new title replaces the old one in the index. */
  kase = cw_store_load_case (store, c.hoa, &error);
  g_assert_no_error (error);
  cw_case_set_title (kase, "Zebra campaign");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  assert_search (store, "Zebra", c.hoa, NULL);
  assert_search (store, "Hoa", c.hoa, NULL);  /* still the person's name */

  cw_case_set_title (kase, "Yak campaign");
  person = cw_case_get_people (kase)->pdata[0];
  g_free (person->name);
  person->name = g_strdup ("Someone Else");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  assert_search (store, "Zebra", NULL);
  assert_search (store, "Nguyen", NULL);
  assert_search (store, "Yak", c.hoa, NULL);
  assert_search (store, "Someone", c.hoa, NULL);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_search", NULL), ==, 3);

  /* A deleted case is gone from search. */
  g_assert_true (cw_store_delete_case (store, c.jane, &error));
  g_assert_no_error (error);
  assert_search (store, "Tomás", NULL);
  assert_search (store, "AMR 23", NULL);
  assert_search (store, "Colombia", c.bosque, NULL);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_search", NULL), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Signals */

static void
test_signals_cases (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(Recorder) rec = recorder_new (store, path);
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) other = make_case ("In a transaction");
  g_autoptr(GError) error = NULL;
  const char *id;

  kase = save_new_case (store, "Jane Doe");
  id = cw_case_get_id (kase);
  g_assert_cmpuint (rec->events->len, ==, 1);
  assert_event (rec, 0, "case-added", id);
  g_ptr_array_set_size (rec->events, 0);

  cw_case_set_title (kase, "Jane Doe (renamed)");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec->events->len, ==, 1);
  assert_event (rec, 0, "case-changed", id);
  g_ptr_array_set_size (rec->events, 0);

  /* Inside a transaction, nothing until the commit. */
  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_save_case (store, other, &error));
  g_assert_no_error (error);
  cw_case_set_title (kase, "Jane Doe (again)");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec->events->len, ==, 0);
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec->events->len, ==, 2);
  assert_event (rec, 0, "case-added", cw_case_get_id (other));
  assert_event (rec, 1, "case-changed", id);
  g_ptr_array_set_size (rec->events, 0);

  g_assert_true (cw_store_delete_case (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec->events->len, ==, 1);
  assert_event (rec, 0, "case-removed", id);
  g_ptr_array_set_size (rec->events, 0);

  /* Failures announce nothing. */
  g_assert_false (cw_store_delete_case (store, id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (rec->events->len, ==, 0);

  /* Every signal came after its change was visible to others. */
  g_assert_cmpuint (rec->not_committed, ==, 0);
}

/* During "entries-changed", the store says which entry changed when only
 * one did, so a timeline need not read every entry again. */
static void
changed_entry_cb (CwStore    *store,
                  const char *case_id,
                  GPtrArray  *heard)
{
  const char *entry_id = cw_store_get_changed_entry (store);

  g_ptr_array_add (heard, g_strdup (entry_id != NULL ? entry_id : "(several)"));
}

static void
test_signals_changed_entry (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  const char *case_id = cw_case_get_id (kase);
  g_autoptr(CwEntry) a = make_entry (case_id, "2024-03-07", CW_ENTRY_CATEGORY_ACTIVITY,
                                     "letter", 3, FALSE, "Letters");
  g_autoptr(CwEntry) b = make_entry (case_id, "2024-03-08", CW_ENTRY_CATEGORY_ACTIVITY,
                                     "petition", 40, FALSE, "Signatures");
  g_autoptr(GPtrArray) heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "entries-changed", G_CALLBACK (changed_entry_cb), heard);

  /* One entry added, edited, deleted: that entry. */
  save_entry_ok (store, a);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpstr (heard->pdata[0], ==, cw_entry_get_id (a));
  cw_entry_set_count (a, 4);
  save_entry_ok (store, a);
  g_assert_cmpstr (heard->pdata[1], ==, cw_entry_get_id (a));
  g_assert_null (cw_store_get_changed_entry (store));

  /* The same entry twice in one transaction is still one entry. */
  g_assert_true (cw_store_begin (store, &error));
  cw_entry_set_count (a, 5);
  save_entry_ok (store, a);
  cw_entry_set_count (a, 6);
  save_entry_ok (store, a);
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 3);
  g_assert_cmpstr (heard->pdata[2], ==, cw_entry_get_id (a));

  /* Two entries in one transaction: read them all again. */
  g_assert_true (cw_store_begin (store, &error));
  save_entry_ok (store, b);
  cw_entry_set_count (a, 7);
  save_entry_ok (store, a);
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 4);
  g_assert_cmpstr (heard->pdata[3], ==, "(several)");

  g_assert_true (cw_store_delete_entry (store, cw_entry_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 5);
  g_assert_cmpstr (heard->pdata[4], ==, cw_entry_get_id (b));
  g_assert_null (cw_store_get_changed_entry (store));

  /* A savepoint taken back takes its entries' changes back too; one it
   * touched may read all again, but nothing is lost or told twice. */
  g_assert_true (cw_store_begin (store, &error));
  cw_entry_set_count (a, 8);
  save_entry_ok (store, a);
  g_assert_true (cw_store_begin (store, &error));
  save_entry_ok (store, b);
  cw_store_rollback (store);
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 6);
  g_assert_true (g_str_equal (heard->pdata[5], cw_entry_get_id (a)) ||
                 g_str_equal (heard->pdata[5], "(several)"));

  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_begin (store, &error));
  save_entry_ok (store, b);
  cw_store_rollback (store);
  cw_entry_set_count (a, 9);
  save_entry_ok (store, a);
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard->len, ==, 7);
  g_assert_cmpstr (heard->pdata[6], ==, cw_entry_get_id (a));
}

static void
test_signals_entries (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) kase = save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) other = save_new_case (store, "John Roe");
  g_autoptr(Recorder) rec = recorder_new (store, path);
  g_autoptr(CwEntry) entry = make_entry (cw_case_get_id (kase), "2024-03-07",
                                         CW_ENTRY_CATEGORY_ACTIVITY, "letter", 3, FALSE,
                                         "Letters");
  g_autoptr(GError) error = NULL;
  const char *id = cw_case_get_id (kase);

  save_entry_ok (store, entry);
  g_assert_cmpuint (count_events (rec, "entries-changed", id), ==, 1);
  g_assert_cmpuint (count_events (rec, "entries-changed", cw_case_get_id (other)), ==, 0);
  /* The case's updated time moved, so the case changed too. */
  g_assert_cmpuint (count_events (rec, "case-changed", id), ==, 1);
  g_assert_cmpuint (rec->events->len, ==, 2);
  g_ptr_array_set_size (rec->events, 0);

  cw_entry_set_count (entry, 4);
  save_entry_ok (store, entry);
  g_assert_cmpuint (count_events (rec, "entries-changed", id), ==, 1);
  g_assert_cmpuint (rec->events->len, ==, 2);
  g_ptr_array_set_size (rec->events, 0);

  g_assert_true (cw_store_delete_entry (store, cw_entry_get_id (entry), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_events (rec, "entries-changed", id), ==, 1);
  g_assert_cmpuint (rec->events->len, ==, 2);
  g_ptr_array_set_size (rec->events, 0);

  g_assert_false (cw_store_delete_entry (store, cw_entry_get_id (entry), &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (rec->events->len, ==, 0);
  g_assert_cmpuint (rec->not_committed, ==, 0);
}


/* ------------------------------------------------------------------ */
/* Importing in bulk */

/* A document's case, as the reader hands it over: every entry new. */
static CwCasefileCase *
casefile_case_new (const char *id,
                   const char *title,
                   guint       n_entries)
{
  CwCasefileCase *item = g_new0 (CwCasefileCase, 1);

  item->kase = make_case (title);
  cw_case_set_id (item->kase, id);
  cw_case_set_has_details (item->kase, TRUE);
  item->entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *entry_id = g_strdup_printf ("%.8s-0000-4000-8000-%012u", id, i);
      CwEntry *entry = make_entry (id, i % 2 ? "2024-03" : "2024-03-07",
                                   CW_ENTRY_CATEGORY_ACTIVITY, "letter",
                                   i % 3 ? (gint64) i : CW_ENTRY_NO_COUNT, i % 5 == 0,
                                   "Letters");

      cw_entry_set_id (entry, entry_id);
      g_ptr_array_add (item->entries, entry);
    }
  item->line = 2;
  return item;
}

static void
free_casefile_case (gpointer data)
{
  CwCasefileCase *item = data;

  g_clear_object (&item->kase);
  g_clear_pointer (&item->entries, g_ptr_array_unref);
  g_free (item);
}

static GPtrArray *
casefiles_of (CwCasefileCase *first,
              ...)
{
  GPtrArray *casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  CwCasefile *casefile = g_new0 (CwCasefile, 1);
  va_list args;

  casefile->name = g_strdup ("bulk.xml");
  casefile->version = g_strdup ("1.0");
  casefile->cases = g_ptr_array_new_with_free_func (free_casefile_case);
  casefile->warnings = g_ptr_array_new_with_free_func (g_free);
  va_start (args, first);
  for (CwCasefileCase *item = first; item != NULL; item = va_arg (args, CwCasefileCase *))
    g_ptr_array_add (casefile->cases, item);
  va_end (args);
  g_ptr_array_add (casefiles, casefile);
  return casefiles;
}

/* A big import of new cases takes the quick way in: every entry lands
 * with every field, each case is announced once, the connection's page
 * cache is as it was, and an existing case still merges entry by entry. */
static void
test_import_bulk (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) existing = save_new_case (store, "Jane Doe");
  g_autoptr(CwEntry) kept = make_entry (cw_case_get_id (existing), "2023", CW_ENTRY_CATEGORY_OUTCOME,
                                        "reply", CW_ENTRY_NO_COUNT, TRUE, "A reply");
  g_autoptr(Recorder) rec = NULL;
  g_autoptr(GPtrArray) casefiles = NULL;
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *big = "b1000000-0000-4000-8000-000000000001";
  CwCasefileCase *update;
  int cache_before = 0, cache_after = 0;

  save_entry_ok (store, kept);
  g_assert_true (cw_store_get_cache_size (store, &cache_before, &error));
  g_assert_no_error (error);

  /* The existing case: one entry changed, one new, one as it is. */
  update = casefile_case_new (cw_case_get_id (existing), "Jane Doe, updated", 2);
  g_ptr_array_add (update->entries, g_object_ref (kept));
  casefiles = casefiles_of (casefile_case_new (big, "A big new case", 12000), update, NULL);

  rec = recorder_new (store, path);
  g_assert_true (cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary->cases_added->len, ==, 1);
  g_assert_cmpuint (summary->cases_updated->len, ==, 1);
  g_assert_cmpuint (summary->entries_added, ==, 12002);
  g_assert_cmpuint (summary->entries_updated, ==, 0);
  g_assert_cmpuint (summary->entries_unchanged, ==, 1);

  g_assert_true (cw_store_get_cache_size (store, &cache_after, &error));
  g_assert_cmpint (cache_after, ==, cache_before);

  /* Each case once, each kind of change once, all after the commit. */
  g_assert_cmpuint (count_events (rec, "case-added", big), ==, 1);
  g_assert_cmpuint (count_events (rec, "case-changed", big), ==, 1);
  g_assert_cmpuint (count_events (rec, "entries-changed", big), ==, 1);
  g_assert_cmpuint (count_events (rec, "case-changed", cw_case_get_id (existing)), ==, 1);
  g_assert_cmpuint (count_events (rec, "entries-changed", cw_case_get_id (existing)), ==, 1);
  g_assert_cmpuint (rec->events->len, ==, 5);
  g_assert_cmpuint (rec->not_committed, ==, 0);

  entries = cw_store_list_entries (store, big, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 12000);
  for (guint i = 0; i < entries->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(CwEntry) stored = cw_store_load_entry (store, cw_entry_get_id (entry), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (cw_entry_get_case_id (stored), ==, big);
      g_assert_true (cw_timestamp_is_valid (cw_entry_get_updated (stored)));
    }
  {
    CwCasefileCase *item = g_ptr_array_index (((CwCasefile *) casefiles->pdata[0])->cases, 0);

    for (guint i = 0; i < item->entries->len; i += 997)
      {
        CwEntry *sent = g_ptr_array_index (item->entries, i);
        g_autoptr(CwEntry) stored = cw_store_load_entry (store, cw_entry_get_id (sent), &error);

        g_assert_no_error (error);
        assert_entries_equal (sent, stored);
      }
  }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = cw_store_list_entries (store, cw_case_get_id (existing), &error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM case_search WHERE case_search MATCH ?",
                             "big"), ==, 1);
}

/* A new case whose entry has the id of another case's entry is refused
 * as an update of it would be, and nothing of the import stays. */
static void
test_import_bulk_refused (void)
{
  g_autoptr(TmpDir) tmp = tmp_dir_new ();
  g_autofree char *path = tmp_dir_file (tmp, "casework.db");
  g_autoptr(CwStore) store = open_store (path);
  g_autoptr(CwCase) existing = save_new_case (store, "Jane Doe");
  g_autoptr(CwEntry) theirs = make_entry (cw_case_get_id (existing), "2023", CW_ENTRY_CATEGORY_ACTIVITY,
                                          "letter", 2, FALSE, "Theirs");
  g_autoptr(GPtrArray) casefiles = NULL;
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;
  const char *first = "c1000000-0000-4000-8000-000000000001";
  const char *second = "c2000000-0000-4000-8000-000000000002";
  CwCasefileCase *thief;
  CwEntry *stolen;
  int cache_before = 0, cache_after = 0;

  save_entry_ok (store, theirs);
  g_assert_true (cw_store_get_cache_size (store, &cache_before, NULL));

  thief = casefile_case_new (second, "The case that fails", 10);
  stolen = make_entry (second, "2025", CW_ENTRY_CATEGORY_ACTIVITY, "letter", 1, FALSE, "Not theirs");
  cw_entry_set_id (stolen, cw_entry_get_id (theirs));
  g_ptr_array_add (thief->entries, stolen);
  casefiles = casefiles_of (casefile_case_new (first, "A fine case", 11000), thief, NULL);

  g_assert_false (cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "belongs to another case"));
  g_assert_nonnull (strstr (error->message, cw_entry_get_id (theirs)));
  g_assert_nonnull (strstr (error->message, "bulk.xml:2:"));

  g_assert_cmpuint (cw_store_count_cases (store), ==, 1);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries", NULL), ==, 1);
  g_assert_cmpint (peek_int (path, "SELECT count(*) FROM entries WHERE title = ?", "Theirs"), ==, 1);
  g_assert_true (cw_store_get_cache_size (store, &cache_after, NULL));
  g_assert_cmpint (cache_after, ==, cache_before);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/new", test_open_new);
  g_test_add_func ("/store/open/existing", test_open_existing);
  g_test_add_func ("/store/case/round-trip", test_case_round_trip);
  g_test_add_func ("/store/case/minimal-round-trip", test_case_minimal_round_trip);
  g_test_add_func ("/store/case/control-characters", test_case_control_characters);
  g_test_add_func ("/store/case/resave-replaces-lists", test_case_resave_replaces_lists);
  g_test_add_func ("/store/entries/round-trip", test_entries_round_trip);
  g_test_add_func ("/store/entries/update", test_entries_update);
  g_test_add_func ("/store/entries/delete", test_entries_delete);
  g_test_add_func ("/store/profile", test_profile);
  g_test_add_func ("/store/letter-templates", test_letter_templates);
  g_test_add_func ("/store/cases/list", test_list_cases);
  g_test_add_func ("/store/cases/count-and-has", test_count_and_has);
  g_test_add_func ("/store/foreign-keys/entry-needs-case", test_fk_entry_needs_case);
  g_test_add_func ("/store/foreign-keys/delete-case-cascades", test_fk_delete_case_cascades);
  g_test_add_func ("/store/transaction/rollback-after-refusal", test_transaction_rollback_validation);
  g_test_add_func ("/store/transaction/rollback-after-sql-failure", test_transaction_rollback_sql_failure);
  g_test_add_func ("/store/transaction/nested-rollback", test_transaction_nested_rollback);
  g_test_add_func ("/store/validation/case", test_validation_case);
  g_test_add_func ("/store/validation/entry", test_validation_entry);
  g_test_add_func ("/store/newer-version/read-only", test_newer_version_read_only);
  g_test_add_func ("/store/migration/empty-file", test_migration_empty_file);
  g_test_add_func ("/store/migration/not-sqlite", test_migration_not_sqlite);
  g_test_add_func ("/store/migration/needed", test_migration_needed);
  g_test_add_func ("/store/migration/other-program", test_migration_other_program);
  g_test_add_func ("/store/migration/backup", test_migration_backup);
  g_test_add_func ("/store/migration/failed-step", test_migration_failed_step);
  g_test_add_func ("/store/migration/failed-last-statement", test_migration_failed_last_statement);
  g_test_add_func ("/store/migration/step-without-version", test_migration_step_without_version);
  g_test_add_func ("/store/migration/v1-to-v2", test_migration_v1_to_v2);
  g_test_add_func ("/store/migration/v3-to-v4", test_migration_v3_to_v4);
  g_test_add_func ("/store/search/fields", test_search_fields);
  g_test_add_func ("/store/search/accents", test_search_accents);
  g_test_add_func ("/store/search/and", test_search_and);
  g_test_add_func ("/store/search/empty", test_search_empty);
  g_test_add_func ("/store/search/syntax", test_search_syntax);
  g_test_add_func ("/store/search/follows-changes", test_search_follows_changes);
  g_test_add_func ("/store/signals/cases", test_signals_cases);
  g_test_add_func ("/store/signals/entries", test_signals_entries);
  g_test_add_func ("/store/signals/changed-entry", test_signals_changed_entry);
  g_test_add_func ("/store/import/bulk", test_import_bulk);
  g_test_add_func ("/store/import/bulk-refused", test_import_bulk_refused);

  return g_test_run ();
}
