/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cw-casefile-import.h"
#include "cw-casefile-reader.h"
#include "cw-casefile-writer.h"
#include "cw-test-utils.h"

/*
 * Reading and importing casefile documents: every element survives a round
 * trip through the database, re-imports merge as the format's "Identity and
 * re-import" section says, and hostile or broken documents are refused, each
 * with its own error and a message that says where, before anything is
 * stored.
 *
 * Fixture documents live in tests/casefiles/; the samples are reached
 * through G_TEST_SRCDIR. Tiny hostile documents are written out below; large
 * ones (entity bombs, deep nesting, size caps, 10,000 cases) are generated
 * here and never committed. Each test has its own temporary directory.
 */

#define NS "http://example.org/ns/casework/casefile/1"

#define CASE_A "0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d"
#define CASE_B "22222222-2222-4222-8222-222222222222"
#define CASE_C "33333333-3333-4333-8333-333333333333"

#define ENTRY_1 "e0000000-0000-4000-8000-000000000001"
#define ENTRY_2 "e0000000-0000-4000-8000-000000000002"
#define ENTRY_3 "e0000000-0000-4000-8000-000000000003"
#define ENTRY_4 "e0000000-0000-4000-8000-000000000004"
#define ENTRY_5 "e0000000-0000-4000-8000-000000000005"
#define ENTRY_6 "e0000000-0000-4000-8000-000000000006"

#define EVERY_CASE "5e3b9c71-8d2a-4f06-b4e1-2c7a9d0f6e38"
#define EVERY_ENTRY(n) "5e3b9c71-0001-4a10-8b00-00000000000" n

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define DOC_START XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\">\n"
#define DOC_START_PUBLIC XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\" scope=\"public\">\n"
#define DOC_END "</casefile>\n"

/* The shortest case there is, for documents about something else. */
#define MINIMAL_CASE(id, title) \
  "  <case id=\"" id "\">\n" \
  "    <title>" title "</title>\n" \
  "    <country code=\"XX\">Example Country</country>\n" \
  "    <summary>What happened.</summary>\n" \
  "  </case>\n"

typedef CwTestStoreFixture Fixture;

/* ------------------------------------------------------------------ */
/* Reading, importing, exporting */

static CwCasefile *
read_string (const char  *xml,
             const char  *name,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return cw_casefile_read (bytes, name, error);
}

static gboolean
import_casefile (CwStore          *store,
                 CwCasefile       *casefile,
                 gboolean          dry_run,
                 CwImportSummary  *summary,
                 GError          **error)
{
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new ();

  g_ptr_array_add (casefiles, casefile);
  return cw_store_import_casefiles (store, casefiles, dry_run, summary, NULL, NULL, error);
}

static CwImportSummary *
import_string (CwStore    *store,
               const char *xml,
               const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return cw_test_import_bytes (store, bytes, name);
}

/* Everything the database holds, as a full export: two snapshots are
 * equal exactly when nothing was changed. */
static char *
snapshot (CwStore *store)
{
  guint count = cw_store_count_cases (store);
  g_autofree char *export = NULL;

  if (count == 0)
    return g_strdup ("no cases");

  export = cw_test_export_ok (store, NULL, CW_CASEFILE_SCOPE_FULL);
  return g_strdup_printf ("%u cases\n%s", count, export);
}

static CwCase *
load_case (CwStore    *store,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  CwCase *kase = cw_store_load_case (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kase);
  return kase;
}

static CwEntry *
load_entry (CwStore    *store,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  CwEntry *entry = cw_store_load_entry (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry;
}

static gboolean
store_has_entry (CwStore    *store,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwEntry) entry = cw_store_load_entry (store, id, &error);

  if (entry == NULL)
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  return entry != NULL;
}

static const char *
string_at (GPtrArray *array,
           guint      i)
{
  g_assert_cmpuint (i, <, array->len);
  return g_ptr_array_index (array, i);
}

static gboolean
warnings_mention (CwCasefile *casefile,
                  const char *text)
{
  for (guint i = 0; i < casefile->warnings->len; i++)
    if (strstr (g_ptr_array_index (casefile->warnings, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_strv (GStrv        actual,
             const char  *first,
             ...)
{
  va_list args;
  guint i = 0;

  g_assert_nonnull (actual);
  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *), i++)
    g_assert_cmpstr (actual[i], ==, s);
  va_end (args);
  g_assert_null (actual[i]);
}

/* "NAME:LINE: ..." or "NAME:LINE:COLUMN: ...": the message says where. */
static void
assert_names_file_and_line (const char *message,
                            const char *name)
{
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  const char *p;

  g_assert_true (g_str_has_prefix (message, prefix));
  p = message + strlen (prefix);
  g_assert_true (g_ascii_isdigit (*p));
  while (g_ascii_isdigit (*p))
    p++;
  g_assert_cmpint (*p, ==, ':');
}

/* ------------------------------------------------------------------ */
/* Round trips */

/* Import, export, import the export into an empty database, export again:
 * the same bytes. Re-importing the export into the first database changes
 * nothing at all. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  const char *path = data;
  g_autoptr(CwImportSummary) first = cw_test_import_file (f->store, path);
  g_autoptr(CwStore) second = cw_test_open_store (f->dir, "second.db");
  g_autoptr(CwImportSummary) again = NULL;
  g_autoptr(CwImportSummary) same = NULL;
  g_autofree char *export1 = NULL;
  g_autofree char *export2 = NULL;
  g_autofree char *export3 = NULL;
  g_autofree char *public1 = NULL;
  g_autofree char *public2 = NULL;
  guint entries = first->entries_added;

  g_assert_cmpuint (first->cases_added->len, >, 0);
  g_assert_cmpuint (first->cases_updated->len, ==, 0);
  g_assert_cmpuint (entries, >, 0);

  export1 = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  again = import_string (second, export1, "export-1.xml");
  g_assert_cmpuint (again->cases_added->len, ==, first->cases_added->len);
  g_assert_cmpuint (again->entries_added, ==, entries);
  export2 = cw_test_export_ok (second, NULL, CW_CASEFILE_SCOPE_FULL);
  g_assert_cmpstr (export1, ==, export2);

  public1 = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  public2 = cw_test_export_ok (second, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  g_assert_cmpstr (public1, ==, public2);

  /* The same document again changes nothing, and says so. */
  same = import_string (f->store, export1, "export-1.xml");
  g_assert_cmpuint (same->cases_added->len, ==, 0);
  g_assert_cmpuint (same->cases_updated->len, ==, 0);
  g_assert_cmpuint (same->cases_unchanged->len, ==, first->cases_added->len);
  g_assert_cmpuint (same->entries_added, ==, 0);
  g_assert_cmpuint (same->entries_updated, ==, 0);
  g_assert_cmpuint (same->entries_unchanged, ==, entries);
  export3 = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  g_assert_cmpstr (export1, ==, export3);
}

/* All three documents in one database, exported as one document. */
static void
test_round_trip_together (Fixture       *f,
                          gconstpointer  data)
{
  const char *names[] = { "long-term-case.xml", "urgent-action.xml" };
  g_autoptr(CwImportSummary) summary G_GNUC_UNUSED = cw_test_import_fixture (f->store, "every-element.xml");
  g_autoptr(CwStore) second = cw_test_open_store (f->dir, "second.db");
  g_autoptr(CwImportSummary) again = NULL;
  g_autofree char *export1 = NULL;
  g_autofree char *export2 = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = cw_test_sample_path (names[i]);
      g_autoptr(CwImportSummary) more = cw_test_import_file (f->store, path);

      g_assert_cmpuint (more->cases_added->len, ==, 1);
    }
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 3);

  export1 = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  again = import_string (second, export1, "all.xml");
  g_assert_cmpuint (again->cases_added->len, ==, 3);
  export2 = cw_test_export_ok (second, NULL, CW_CASEFILE_SCOPE_FULL);
  g_assert_cmpstr (export1, ==, export2);
}

static void
check_every_element_entries (CwStore *store)
{
  g_autoptr(CwEntry) vague = load_entry (store, EVERY_ENTRY ("1"));
  g_autoptr(CwEntry) letters = load_entry (store, EVERY_ENTRY ("4"));
  g_autoptr(CwEntry) petition = load_entry (store, EVERY_ENTRY ("5"));
  g_autoptr(CwEntry) meeting = load_entry (store, EVERY_ENTRY ("7"));
  g_autoptr(CwEntry) update = load_entry (store, EVERY_ENTRY ("3"));

  g_assert_cmpuint (cw_test_count_entries (store, EVERY_CASE), ==, 12);

  /* A year-precision date stays a year. */
  g_assert_cmpstr (cw_entry_get_case_id (vague), ==, EVERY_CASE);
  g_assert_cmpstr (cw_entry_get_date (vague), ==, "2024");
  g_assert_cmpint (cw_entry_get_precision (vague), ==, CW_DATE_PRECISION_YEAR);
  g_assert_cmpint (cw_entry_get_category (vague), ==, CW_ENTRY_CATEGORY_OUTCOME);
  g_assert_cmpstr (cw_entry_get_kind (vague), ==, "other");
  g_assert_cmpint (cw_entry_get_count (vague), ==, CW_ENTRY_NO_COUNT);
  g_assert_false (cw_entry_get_private (vague));
  g_assert_cmpstr (cw_entry_get_title (vague), ==, "Anonymous threats after a cartoon on corruption");
  g_assert_cmpstr (cw_entry_get_notes (vague), ==, "Reported by his editor; the months are not known.");

  g_assert_cmpstr (cw_entry_get_date (letters), ==, "2024-11-20");
  g_assert_cmpint (cw_entry_get_precision (letters), ==, CW_DATE_PRECISION_DAY);
  g_assert_cmpint (cw_entry_get_category (letters), ==, CW_ENTRY_CATEGORY_ACTIVITY);
  g_assert_cmpstr (cw_entry_get_kind (letters), ==, "letter");
  g_assert_cmpint (cw_entry_get_count (letters), ==, 23);
  g_assert_cmpstr (cw_entry_get_notes (letters), ==,
                   "Twenty to the Minister of Justice, three copies to the embassy.");

  /* A month-precision date is never turned into the 1st of the month. */
  g_assert_cmpstr (cw_entry_get_date (petition), ==, "2024-12");
  g_assert_cmpint (cw_entry_get_precision (petition), ==, CW_DATE_PRECISION_MONTH);
  g_assert_cmpstr (cw_entry_get_kind (petition), ==, "petition");
  g_assert_cmpint (cw_entry_get_count (petition), ==, 318);
  g_assert_null (cw_entry_get_notes (petition));

  g_assert_true (cw_entry_get_private (meeting));
  g_assert_cmpstr (cw_entry_get_kind (meeting), ==, "meeting");
  g_assert_cmpstr (cw_entry_get_title (meeting), ==, "Meeting with our MP's caseworker");

  g_assert_cmpint (cw_entry_get_category (update), ==, CW_ENTRY_CATEGORY_UPDATE);
  g_assert_cmpstr (cw_entry_get_kind (update), ==, "urgent-action");
}

/* After import, the store gives back every field every-element.xml holds. */
static void
test_every_element_fields (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CwImportSummary) summary = cw_test_import_fixture (f->store, "every-element.xml");
  g_autoptr(CwCase) kase = load_case (f->store, EVERY_CASE);
  GPtrArray *list;
  CwReference *reference;
  CwPerson *person;
  CwDetention *detention;
  CwContact *contact;
  CwTarget *target;
  CwModelLetter *letter;

  g_assert_cmpuint (summary->cases_added->len, ==, 1);
  g_assert_cmpstr (string_at (summary->cases_added, 0), ==, "Idris Malouane");
  g_assert_cmpstr (string_at (summary->case_ids, 0), ==, EVERY_CASE);
  g_assert_cmpuint (summary->entries_added, ==, 12);

  /* The case's attributes and single elements. */
  g_assert_cmpint (cw_case_get_kind (kase), ==, CW_CASE_KIND_INDIVIDUAL);
  g_assert_cmpint (cw_case_get_case_type (kase), ==, CW_CASE_TYPE_URGENT_ACTION);
  g_assert_cmpint (cw_case_get_status (kase), ==, CW_CASE_STATUS_CLOSED);
  g_assert_cmpstr (cw_case_get_modified (kase), ==, "2025-04-01T10:15:00Z");
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Idris Malouane");
  g_assert_cmpstr (cw_case_get_country_code (kase), ==, "XX");
  g_assert_cmpstr (cw_case_get_country_name (kase), ==, "Republic of Valdoria");
  g_assert_cmpstr (cw_case_get_region (kase), ==, "middle-east-north-africa");
  g_assert_cmpstr (cw_case_get_opened (kase), ==, "2024-11-08");
  g_assert_cmpstr (cw_case_get_closed (kase), ==, "2025-04-01");
  g_assert_cmpstr (cw_case_get_closed_outcome (kase), ==, "released");
  g_assert_true (g_str_has_prefix (cw_case_get_summary (kase), "Idris Malouane, a journalist"));
  /* Paragraphs keep their blank line; the element's own white space goes. */
  g_assert_nonnull (strstr (cw_case_get_summary (kase), "public official\".\n\nOn 4 March 2025"));
  g_assert_true (g_str_has_suffix (cw_case_get_summary (kase), "released the same day."));
  g_assert_true (g_str_has_prefix (cw_case_get_background (kase), "Valdoria's press law"));
  g_assert_nonnull (strstr (cw_case_get_background (kase), "under it.\n\nAmnesty International"));

  /* References */
  list = cw_case_get_references (kase);
  g_assert_cmpuint (list->len, ==, 3);
  reference = g_ptr_array_index (list, 0);
  g_assert_cmpstr (reference->scheme, ==, "ua");
  g_assert_cmpstr (reference->value, ==, "UA 140/24");
  reference = g_ptr_array_index (list, 1);
  g_assert_cmpstr (reference->scheme, ==, "ai-index");
  g_assert_cmpstr (reference->value, ==, "MDE 99/8801/2024");
  reference = g_ptr_array_index (list, 2);
  g_assert_cmpstr (reference->scheme, ==, "internal");
  g_assert_cmpstr (reference->value, ==, "G123-2024-07");

  /* Urgent action */
  g_assert_cmpstr (cw_case_get_ua_number (kase), ==, "UA 140/24");
  g_assert_cmpstr (cw_case_get_ua_issued (kase), ==, "2025-01-14");
  g_assert_cmpstr (cw_case_get_ua_deadline (kase), ==, "2025-02-25");
  g_assert_cmpuint (cw_case_get_ua_sequence (kase), ==, 2);

  /* Themes */
  list = cw_case_get_themes (kase);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (string_at (list, 0), ==, "prisoner-of-conscience");
  g_assert_cmpstr (string_at (list, 1), ==, "freedom-of-expression");

  /* People, in document order, with every field of the first. */
  list = cw_case_get_people (kase);
  g_assert_cmpuint (list->len, ==, 4);
  person = g_ptr_array_index (list, 0);
  g_assert_cmpstr (person->role, ==, "subject");
  g_assert_cmpstr (person->name, ==, "Idris Malouane");
  g_assert_cmpstr (person->other_names, ==, "Idriss Malwan");
  g_assert_cmpstr (person->pronouns, ==, "he/him");
  g_assert_cmpstr (person->gender, ==, "male");
  g_assert_cmpstr (person->born, ==, "1987");
  g_assert_cmpstr (person->occupation, ==, "journalist and cartoonist");
  g_assert_cmpstr (person->notes, ==,
                   "Draws the weekly cartoon for an independent newspaper in the capital.");
  person = g_ptr_array_index (list, 1);
  g_assert_cmpstr (person->role, ==, "family");
  g_assert_cmpstr (person->name, ==, "Samira Malouane");
  g_assert_null (person->occupation);
  person = g_ptr_array_index (list, 2);
  g_assert_cmpstr (person->role, ==, "lawyer");
  g_assert_cmpstr (person->name, ==, "Maître Hana Bensaïd");
  person = g_ptr_array_index (list, 3);
  g_assert_cmpstr (person->role, ==, "other");

  /* Detention, with the explanation after the colon as the access note. */
  detention = cw_case_get_detention (kase);
  g_assert_nonnull (detention);
  g_assert_cmpstr (detention->place, ==, "Al-Nour Prison, Port Valdor");
  g_assert_cmpstr (detention->arrested, ==, "2024-11-03");
  g_assert_cmpstr (detention->charges, ==,
                   "\"Insulting a public official\" over a cartoon of the Minister of the Interior");
  g_assert_cmpstr (detention->sentence, ==,
                   "Eighteen months' imprisonment, reduced on appeal to time served");
  g_assert_true (g_str_has_prefix (detention->health, "He has high blood pressure"));
  g_assert_cmpstr (detention->legal_access, ==, "restricted");
  g_assert_cmpstr (detention->legal_access_note, ==,
                   "one visit from his lawyer, with guards present");
  g_assert_cmpstr (detention->family_access, ==, "yes");
  g_assert_null (detention->family_access_note);

  /* Safety */
  g_assert_cmpstr (cw_case_get_public_action (kase), ==, "restricted");
  g_assert_cmpstr (cw_case_get_solidarity (kase), ==, "allowed");
  list = cw_case_get_safety_notes (kase);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (string_at (list, 0), ==, "Do not publish photographs of his family.");
  g_assert_cmpstr (string_at (list, 1), ==, "Public actions only after checking with the coordinator.");

  /* Coordinator: every part of the contact content. */
  contact = cw_case_get_coordinator (kase);
  g_assert_nonnull (contact);
  g_assert_cmpstr (contact->name, ==, "Jo Whitfield");
  g_assert_cmpstr (contact->role, ==, "Country Coordinator, Valdoria");
  g_assert_cmpstr (contact->organisation, ==, "Amnesty International UK");
  g_assert_cmpstr (contact->email, ==, "valdoria.coordinator@example.org");
  g_assert_cmpstr (contact->phone, ==, "+44 161 496 0000");
  assert_strv (contact->address, "Flat 2, 14 Example Road", "Manchester M1 0ZZ", NULL);
  g_assert_cmpstr (contact->notes, ==, "Prefers email; reports are due by the end of January.");

  /* Holders, oldest first, with from and to. */
  list = cw_case_get_holders (kase);
  g_assert_cmpuint (list->len, ==, 2);
  contact = g_ptr_array_index (list, 0);
  g_assert_cmpstr (contact->name, ==, "Ruth Abernethy");
  g_assert_cmpstr (contact->from, ==, "2024-11-08");
  g_assert_cmpstr (contact->to, ==, "2025-01-31");
  g_assert_cmpstr (contact->role, ==, "Casefile holder, Group 123");
  g_assert_cmpstr (contact->email, ==, "ruth@example.org");
  g_assert_null (contact->phone);
  g_assert_null (contact->address);
  contact = g_ptr_array_index (list, 1);
  g_assert_cmpstr (contact->name, ==, "Daniel Osei");
  g_assert_cmpstr (contact->from, ==, "2025-02");
  g_assert_null (contact->to);
  g_assert_cmpstr (contact->organisation, ==, "Group 123, Exampleton");
  g_assert_cmpstr (contact->email, ==, "daniel@example.org");
  g_assert_cmpstr (contact->phone, ==, "+44 7700 900000");
  assert_strv (contact->address, "3 Sample Lane", "Exampleton EX1 0ZZ", NULL);
  g_assert_cmpstr (contact->notes, ==, "Took over from Ruth at the February meeting.");

  /* Targets, with their address lines. */
  list = cw_case_get_targets (kase);
  g_assert_cmpuint (list->len, ==, 3);
  target = g_ptr_array_index (list, 0);
  g_assert_cmpstr (target->role, ==, "appeal");
  g_assert_cmpstr (target->language, ==, "fr");
  g_assert_cmpstr (target->title, ==, "Ministre de la Justice");
  g_assert_cmpstr (target->name, ==, "M. Karim Ould Salem");
  g_assert_cmpstr (target->organisation, ==, "Ministère de la Justice");
  assert_strv (target->address, "Place du Gouvernement", "Port Valdor", "République de Valdoria", NULL);
  g_assert_cmpstr (target->email, ==, "cabinet@justice.example.org");
  g_assert_cmpstr (target->salutation, ==, "Monsieur le Ministre");
  target = g_ptr_array_index (list, 1);
  g_assert_cmpstr (target->role, ==, "copy");
  g_assert_cmpstr (target->language, ==, "en-GB");
  g_assert_null (target->name);
  assert_strv (target->address, "21 Example Terrace", "London SW7 0ZZ", NULL);
  g_assert_null (target->email);
  g_assert_cmpstr (target->salutation, ==, "Your Excellency");
  target = g_ptr_array_index (list, 2);
  g_assert_cmpstr (target->role, ==, "solidarity");
  g_assert_null (target->title);
  g_assert_cmpstr (target->name, ==, "Samira Malouane");
  g_assert_cmpstr (target->salutation, ==, "Chère Samira");

  /* Recommended actions and model letters */
  list = cw_case_get_recommended_actions (kase);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (g_str_has_prefix (string_at (list, 0), "Write to the Minister of Justice"));
  g_assert_cmpstr (string_at (list, 1), ==, "Send cards of solidarity to his family, care of his wife.");
  list = cw_case_get_model_letters (kase);
  g_assert_cmpuint (list->len, ==, 2);
  letter = g_ptr_array_index (list, 0);
  g_assert_cmpstr (letter->language, ==, "fr");
  g_assert_true (g_str_has_prefix (letter->body, "Monsieur le Ministre,\n\nJe vous écris"));
  g_assert_true (g_str_has_suffix (letter->body, "dont il a besoin."));
  letter = g_ptr_array_index (list, 1);
  g_assert_cmpstr (letter->language, ==, "en");
  g_assert_nonnull (strstr (letter->body, "expression.\n\nPending his release"));

  check_every_element_entries (f->store);
}

/* The reader alone: what the document says about itself. */
static void
test_every_element_read (void)
{
  g_autofree char *path = cw_test_casefile_path ("every-element.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = cw_casefile_read_file (file, &error);
  CwCasefileCase *item;
  CwCasefileParts all = CW_CASEFILE_HAS_KIND | CW_CASEFILE_HAS_TYPE | CW_CASEFILE_HAS_STATUS |
                        CW_CASEFILE_HAS_MODIFIED | CW_CASEFILE_HAS_REFERENCES |
                        CW_CASEFILE_HAS_URGENT_ACTION | CW_CASEFILE_HAS_REGION |
                        CW_CASEFILE_HAS_THEMES | CW_CASEFILE_HAS_OPENED | CW_CASEFILE_HAS_CLOSED |
                        CW_CASEFILE_HAS_PEOPLE | CW_CASEFILE_HAS_DETENTION |
                        CW_CASEFILE_HAS_BACKGROUND | CW_CASEFILE_HAS_PUBLIC_ACTION |
                        CW_CASEFILE_HAS_SAFETY_NOTES | CW_CASEFILE_HAS_COORDINATOR |
                        CW_CASEFILE_HAS_HOLDERS | CW_CASEFILE_HAS_TARGETS |
                        CW_CASEFILE_HAS_ACTIONS | CW_CASEFILE_HAS_MODEL_LETTERS |
                        CW_CASEFILE_HAS_SOLIDARITY;

  g_assert_no_error (error);
  g_assert_cmpstr (casefile->name, ==, path);
  g_assert_cmpstr (casefile->version, ==, "1.0");
  g_assert_cmpint (casefile->scope, ==, CW_CASEFILE_SCOPE_FULL);
  g_assert_cmpstr (casefile->source_organisation, ==,
                   "Amnesty International – Urgent Action Network");
  g_assert_cmpuint (casefile->warnings->len, ==, 0);
  g_assert_cmpuint (casefile->cases->len, ==, 1);
  item = g_ptr_array_index (casefile->cases, 0);
  /* The start tag runs over lines 23 and 24; libxml2 counts where it ends. */
  g_assert_cmpint (item->line, >=, 23);
  g_assert_cmpint (item->line, <=, 24);
  g_assert_cmpuint (item->parts, ==, all);
  g_assert_cmpuint (item->entries->len, ==, 12);
  /* Entries come in document order. */
  g_assert_cmpstr (cw_entry_get_id (g_ptr_array_index (item->entries, 0)), ==, EVERY_ENTRY ("1"));
  g_assert_cmpstr (cw_entry_get_id (g_ptr_array_index (item->entries, 11)), ==, EVERY_ENTRY ("c"));
}

/* ------------------------------------------------------------------ */
/* Merging: the format's "Identity and re-import" rules, one each */

#define BASE_DOC \
  DOC_START \
  "  <case id=\"" CASE_A "\" kind=\"group\" type=\"urgent-action\" status=\"paused\"" \
  "        modified=\"2025-01-01T00:00:00Z\">\n" \
  "    <title>Base title</title>\n" \
  "    <reference scheme=\"ua\">UA 1/25</reference>\n" \
  "    <reference scheme=\"internal\">G-1</reference>\n" \
  "    <urgent-action number=\"UA 1/25\" issued=\"2025-01-05\" deadline=\"2025-02-16\" sequence=\"1\"/>\n" \
  "    <country code=\"XX\">Example Country</country>\n" \
  "    <region>africa</region>\n" \
  "    <theme>torture</theme>\n" \
  "    <theme>death-penalty</theme>\n" \
  "    <opened>2025-01</opened>\n" \
  "    <person role=\"subject\"><name>Jane Doe</name><born>1980</born></person>\n" \
  "    <person role=\"lawyer\"><name>John Roe</name></person>\n" \
  "    <detention><place>Central Prison</place><legal-access>no</legal-access></detention>\n" \
  "    <summary>Base summary.</summary>\n" \
  "    <background>Base background.</background>\n" \
  "    <safety public-action=\"restricted\" solidarity=\"allowed\">\n" \
  "      <note>Base note one.</note>\n" \
  "      <note>Base note two.</note>\n" \
  "    </safety>\n" \
  "    <coordinator>\n" \
  "      <name>Coord Name</name><role>Coordinator</role>\n" \
  "      <email>coord@example.org</email><phone>+44 100</phone>\n" \
  "    </coordinator>\n" \
  "    <holder from=\"2024\" to=\"2025-01\">\n" \
  "      <name>Old Holder</name><email>old@example.org</email><phone>+44 200</phone>\n" \
  "      <address><line>1 Old Street</line></address>\n" \
  "    </holder>\n" \
  "    <holder from=\"2025-02\">\n" \
  "      <name>New Holder</name><role>Holder</role><organisation>Group 7</organisation>\n" \
  "      <email>new@example.org</email><phone>+44 300</phone>\n" \
  "      <address><line>2 New Street</line><line>Town</line></address>\n" \
  "      <notes>Holder notes.</notes>\n" \
  "    </holder>\n" \
  "    <target role=\"appeal\" language=\"en\"><title>Minister</title>" \
  "<address><line>Ministry</line></address><salutation>Dear Minister</salutation></target>\n" \
  "    <target role=\"copy\" language=\"en\"><title>Ambassador</title>" \
  "<address><line>Embassy</line></address><salutation>Your Excellency</salutation></target>\n" \
  "    <recommended-action>Write letters.</recommended-action>\n" \
  "    <recommended-action>Send cards.</recommended-action>\n" \
  "    <model-letter language=\"en\">Dear Minister.</model-letter>\n" \
  "    <entry id=\"" ENTRY_1 "\" date=\"2025-01-10\" category=\"activity\" kind=\"letter\" count=\"5\">" \
  "<title>Letters</title></entry>\n" \
  "    <entry id=\"" ENTRY_2 "\" date=\"2025-01-20\" category=\"activity\" kind=\"meeting\" private=\"true\">" \
  "<title>Private meeting</title><notes>Only for us.</notes></entry>\n" \
  "    <entry id=\"" ENTRY_3 "\" date=\"2025-02\" category=\"outcome\" kind=\"reply\">" \
  "<title>Reply from the ministry</title></entry>\n" \
  "  </case>\n" \
  DOC_END

/* The case with nothing but what every case must carry, and what a test
 * puts in the middle. */
#define UPDATE_DOC(start, attributes, before_country, before_summary, after_summary) \
  start \
  "  <case id=\"" CASE_A "\"" attributes ">\n" \
  "    <title>Updated title</title>\n" \
  before_country \
  "    <country code=\"XY\">Other Country</country>\n" \
  before_summary \
  "    <summary>Updated summary.</summary>\n" \
  after_summary \
  "  </case>\n" \
  DOC_END

static void
import_base (Fixture *f)
{
  g_autoptr(CwImportSummary) summary = import_string (f->store, BASE_DOC, "base.xml");

  g_assert_cmpuint (summary->cases_added->len, ==, 1);
  g_assert_cmpuint (summary->entries_added, ==, 3);
}

/* Everything of the base document that a minimal update leaves alone. */
static void
assert_base_kept (CwCase *kase)
{
  CwContact *contact;

  g_assert_cmpint (cw_case_get_kind (kase), ==, CW_CASE_KIND_GROUP);
  g_assert_cmpint (cw_case_get_case_type (kase), ==, CW_CASE_TYPE_URGENT_ACTION);
  g_assert_cmpint (cw_case_get_status (kase), ==, CW_CASE_STATUS_PAUSED);
  g_assert_cmpstr (cw_case_get_modified (kase), ==, "2025-01-01T00:00:00Z");
  g_assert_cmpstr (cw_case_get_ua_number (kase), ==, "UA 1/25");
  g_assert_cmpstr (cw_case_get_ua_deadline (kase), ==, "2025-02-16");
  g_assert_cmpuint (cw_case_get_ua_sequence (kase), ==, 1);
  g_assert_cmpstr (cw_case_get_region (kase), ==, "africa");
  g_assert_cmpstr (cw_case_get_opened (kase), ==, "2025-01");
  g_assert_cmpstr (cw_case_get_background (kase), ==, "Base background.");
  g_assert_nonnull (cw_case_get_detention (kase));
  g_assert_cmpstr (cw_case_get_detention (kase)->place, ==, "Central Prison");
  g_assert_cmpstr (cw_case_get_public_action (kase), ==, "restricted");
  g_assert_cmpstr (cw_case_get_solidarity (kase), ==, "allowed");
  contact = cw_case_get_coordinator (kase);
  g_assert_nonnull (contact);
  g_assert_cmpstr (contact->name, ==, "Coord Name");
  g_assert_cmpstr (contact->email, ==, "coord@example.org");
}

static void
assert_base_lists_kept (CwCase *kase)
{
  g_assert_cmpuint (cw_case_get_references (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_themes (kase)->len, ==, 2);
  g_assert_cmpstr (string_at (cw_case_get_themes (kase), 0), ==, "torture");
  g_assert_cmpstr (string_at (cw_case_get_themes (kase), 1), ==, "death-penalty");
  g_assert_cmpuint (cw_case_get_people (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_holders (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_targets (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_recommended_actions (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_model_letters (kase)->len, ==, 1);
}

/* A field present in the document replaces the stored value. */
static void
test_merge_present_replaces (Fixture       *f,
                             gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START,
                                " kind=\"community\" type=\"long-term\" status=\"closed\""
                                " modified=\"2025-06-01T08:00:00Z\"",
                                "    <urgent-action number=\"UA 1/25\" sequence=\"2\"/>\n",
                                "    <region>americas</region>\n"
                                "    <opened>2024-12-24</opened>\n"
                                "    <closed outcome=\"resolved\">2025-06</closed>\n"
                                "    <detention><place>Other Prison</place></detention>\n",
                                "    <background>New background.</background>\n"
                                "    <safety public-action=\"forbidden\"/>\n"
                                "    <coordinator><name>Other Coordinator</name></coordinator>\n");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwCase) kase = NULL;

  import_base (f);
  summary = import_string (f->store, doc, "update.xml");
  g_assert_cmpuint (summary->cases_added->len, ==, 0);
  g_assert_cmpuint (summary->cases_updated->len, ==, 1);
  g_assert_cmpstr (string_at (summary->cases_updated, 0), ==, "Updated title");

  kase = load_case (f->store, CASE_A);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Updated title");
  g_assert_cmpstr (cw_case_get_country_code (kase), ==, "XY");
  g_assert_cmpstr (cw_case_get_country_name (kase), ==, "Other Country");
  g_assert_cmpstr (cw_case_get_summary (kase), ==, "Updated summary.");
  g_assert_cmpint (cw_case_get_kind (kase), ==, CW_CASE_KIND_COMMUNITY);
  g_assert_cmpint (cw_case_get_case_type (kase), ==, CW_CASE_TYPE_LONG_TERM);
  g_assert_cmpint (cw_case_get_status (kase), ==, CW_CASE_STATUS_CLOSED);
  g_assert_cmpstr (cw_case_get_modified (kase), ==, "2025-06-01T08:00:00Z");
  /* What the urgent-action element carries replaces what was stored; the
   * deadline it leaves out is kept. */
  g_assert_cmpstr (cw_case_get_ua_number (kase), ==, "UA 1/25");
  g_assert_cmpuint (cw_case_get_ua_sequence (kase), ==, 2);
  g_assert_cmpstr (cw_case_get_ua_deadline (kase), ==, "2025-02-16");
  g_assert_cmpstr (cw_case_get_region (kase), ==, "americas");
  g_assert_cmpstr (cw_case_get_opened (kase), ==, "2024-12-24");
  g_assert_cmpstr (cw_case_get_closed (kase), ==, "2025-06");
  g_assert_cmpstr (cw_case_get_closed_outcome (kase), ==, "resolved");
  /* So with detention: the new place, and the lawyer still kept away. */
  g_assert_cmpstr (cw_case_get_detention (kase)->place, ==, "Other Prison");
  g_assert_cmpstr (cw_case_get_detention (kase)->legal_access, ==, "no");
  g_assert_cmpstr (cw_case_get_background (kase), ==, "New background.");
  g_assert_cmpstr (cw_case_get_public_action (kase), ==, "forbidden");
  /* Each safety setting is a field of its own: one the document does not
   * state keeps what the group stored. */
  g_assert_cmpstr (cw_case_get_solidarity (kase), ==, "allowed");
  /* Another coordinator: none of the last one's details. */
  g_assert_cmpstr (cw_case_get_coordinator (kase)->name, ==, "Other Coordinator");
  g_assert_null (cw_case_get_coordinator (kase)->email);
  g_assert_null (cw_case_get_coordinator (kase)->role);

  /* The lists, which the document does not carry, stay. */
  assert_base_lists_kept (kase);
  g_assert_cmpuint (cw_test_count_entries (f->store, CASE_A), ==, 3);
}

/* A field absent from the document keeps the stored value: a re-import
 * without <background> keeps it, one without status keeps the status. */
static void
test_merge_absent_keeps (Fixture       *f,
                         gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START, "", "", "", "");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwCase) kase = NULL;

  import_base (f);
  summary = import_string (f->store, doc, "update.xml");
  g_assert_cmpuint (summary->cases_updated->len, ==, 1);

  kase = load_case (f->store, CASE_A);
  /* What every case carries is replaced ... */
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Updated title");
  g_assert_cmpstr (cw_case_get_summary (kase), ==, "Updated summary.");
  /* ... and the rest is kept. */
  assert_base_kept (kase);
  assert_base_lists_kept (kase);
  g_assert_cmpuint (cw_test_count_entries (f->store, CASE_A), ==, 3);
}

/* A repeated element that appears replaces the whole stored list of its
 * kind: one target in the document leaves one target. */
static void
test_merge_list_replaces (Fixture       *f,
                          gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START, "", "",
                                "    <theme>womens-rights</theme>\n"
                                "    <person role=\"family\"><name>Sam Doe</name></person>\n",
                                "    <safety><note>The only note now.</note></safety>\n"
                                "    <holder from=\"2026\"><name>Third Holder</name></holder>\n"
                                "    <target role=\"appeal\" language=\"es\"><title>Fiscal</title>"
                                "<address><line>Fiscalía</line><line>Ciudad</line></address>"
                                "<salutation>Estimado Señor Fiscal</salutation></target>\n"
                                "    <recommended-action>Call the embassy.</recommended-action>\n"
                                "    <model-letter language=\"es\">Señor Fiscal.</model-letter>\n");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwCase) kase = NULL;
  CwTarget *target;

  import_base (f);
  summary = import_string (f->store, doc, "update.xml");
  kase = load_case (f->store, CASE_A);

  g_assert_cmpuint (cw_case_get_targets (kase)->len, ==, 1);
  target = g_ptr_array_index (cw_case_get_targets (kase), 0);
  g_assert_cmpstr (target->title, ==, "Fiscal");
  g_assert_cmpstr (target->language, ==, "es");
  assert_strv (target->address, "Fiscalía", "Ciudad", NULL);

  g_assert_cmpuint (cw_case_get_themes (kase)->len, ==, 1);
  g_assert_cmpstr (string_at (cw_case_get_themes (kase), 0), ==, "womens-rights");
  g_assert_cmpuint (cw_case_get_people (kase)->len, ==, 1);
  g_assert_cmpstr (((CwPerson *) g_ptr_array_index (cw_case_get_people (kase), 0))->name, ==, "Sam Doe");
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 1);
  g_assert_cmpstr (string_at (cw_case_get_safety_notes (kase), 0), ==, "The only note now.");
  g_assert_cmpuint (cw_case_get_holders (kase)->len, ==, 1);
  g_assert_cmpstr (((CwContact *) g_ptr_array_index (cw_case_get_holders (kase), 0))->name, ==,
                   "Third Holder");
  g_assert_cmpuint (cw_case_get_recommended_actions (kase)->len, ==, 1);
  g_assert_cmpstr (string_at (cw_case_get_recommended_actions (kase), 0), ==, "Call the embassy.");
  g_assert_cmpuint (cw_case_get_model_letters (kase)->len, ==, 1);
  g_assert_cmpstr (((CwModelLetter *) g_ptr_array_index (cw_case_get_model_letters (kase), 0))->body,
                   ==, "Señor Fiscal.");

  /* References appear nowhere in the document: kept. */
  g_assert_cmpuint (cw_case_get_references (kase)->len, ==, 2);
}

/* A repeated element that does not appear keeps the stored list: a
 * document with targets but no themes keeps the themes. */
static void
test_merge_list_absent_keeps (Fixture       *f,
                              gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START, "", "", "",
                                "    <target><address><line>Somewhere</line></address>"
                                "<salutation>Dear Sir or Madam</salutation></target>\n");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwCase) kase = NULL;

  import_base (f);
  summary = import_string (f->store, doc, "update.xml");
  kase = load_case (f->store, CASE_A);

  g_assert_cmpuint (cw_case_get_targets (kase)->len, ==, 1);
  g_assert_cmpuint (cw_case_get_themes (kase)->len, ==, 2);
  g_assert_cmpstr (string_at (cw_case_get_themes (kase), 0), ==, "torture");
  g_assert_cmpstr (string_at (cw_case_get_themes (kase), 1), ==, "death-penalty");
  g_assert_cmpuint (cw_case_get_references (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_people (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_holders (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_recommended_actions (kase)->len, ==, 2);
  g_assert_cmpuint (cw_case_get_model_letters (kase)->len, ==, 1);
}

/* Entries merge by id: new ones added, known ones updated, entries only in
 * the database kept. */
static void
test_merge_entries (Fixture       *f,
                    gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START, "", "", "",
                                "    <entry id=\"" ENTRY_3 "\" date=\"2025-02\" category=\"outcome\""
                                " kind=\"reply\"><title>Reply from the ministry</title></entry>\n"
                                "    <entry id=\"" ENTRY_2 "\" date=\"2025-01-21\" category=\"activity\""
                                " kind=\"meeting\" private=\"true\"><title>Private meeting, moved</title>"
                                "</entry>\n"
                                "    <entry id=\"" ENTRY_4 "\" date=\"2025-03\" category=\"activity\""
                                " kind=\"petition\" count=\"120\"><title>Petition</title></entry>\n");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwEntry) kept = NULL;
  g_autoptr(CwEntry) updated = NULL;
  g_autoptr(CwEntry) added = NULL;

  import_base (f);
  summary = import_string (f->store, doc, "update.xml");
  g_assert_cmpuint (summary->entries_added, ==, 1);
  g_assert_cmpuint (summary->entries_updated, ==, 1);
  g_assert_cmpuint (summary->entries_unchanged, ==, 1);

  g_assert_cmpuint (cw_test_count_entries (f->store, CASE_A), ==, 4);

  /* Only in the database: kept as it was. */
  kept = load_entry (f->store, ENTRY_1);
  g_assert_cmpstr (cw_entry_get_title (kept), ==, "Letters");
  g_assert_cmpint (cw_entry_get_count (kept), ==, 5);

  /* Known: what the document carries replaces what was stored; the notes
   * it leaves out are kept. */
  updated = load_entry (f->store, ENTRY_2);
  g_assert_cmpstr (cw_entry_get_date (updated), ==, "2025-01-21");
  g_assert_cmpstr (cw_entry_get_title (updated), ==, "Private meeting, moved");
  g_assert_true (cw_entry_get_private (updated));
  g_assert_cmpstr (cw_entry_get_notes (updated), ==, "Only for us.");

  added = load_entry (f->store, ENTRY_4);
  g_assert_cmpstr (cw_entry_get_case_id (added), ==, CASE_A);
  g_assert_cmpstr (cw_entry_get_date (added), ==, "2025-03");
  g_assert_cmpint (cw_entry_get_count (added), ==, 120);
}

/* A known entry keeps what a document leaves out of it: its privacy, its
 * count, its notes, and its kind where it is one of the document's
 * category. A full copy from before the group marked an entry private
 * must not make it public, nor one without notes blank them. */
static void
test_merge_entry_absent_keeps (Fixture       *f,
                               gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START, "", "", "",
                                "    <entry id=\"" ENTRY_1 "\" date=\"2025-01-11\">"
                                "<title>Letters, redated</title></entry>\n"
                                "    <entry id=\"" ENTRY_2 "\" date=\"2025-01-20\" category=\"activity\">"
                                "<title>Private meeting</title></entry>\n"
                                "    <entry id=\"" ENTRY_3 "\" date=\"2025-02\" category=\"update\">"
                                "<title>Reply from the ministry</title></entry>\n");
  const char *said = UPDATE_DOC (DOC_START, "", "", "",
                                 "    <entry id=\"" ENTRY_2 "\" date=\"2025-01-20\" kind=\"meeting\""
                                 " private=\"false\" count=\"0\"><title>Private meeting</title>"
                                 "<notes></notes></entry>\n");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwImportSummary) again = NULL;
  g_autoptr(CwImportSummary) told = NULL;
  g_autoptr(CwEntry) letters = NULL;
  g_autoptr(CwEntry) meeting = NULL;
  g_autoptr(CwEntry) reply = NULL;
  g_autofree char *exported = NULL;

  import_base (f);
  summary = import_string (f->store, doc, "old-copy.xml");

  letters = load_entry (f->store, ENTRY_1);
  g_assert_cmpstr (cw_entry_get_date (letters), ==, "2025-01-11");
  g_assert_cmpstr (cw_entry_get_title (letters), ==, "Letters, redated");
  g_assert_cmpstr (cw_entry_get_kind (letters), ==, "letter");
  g_assert_cmpint (cw_entry_get_count (letters), ==, 5);

  meeting = load_entry (f->store, ENTRY_2);
  g_assert_true (cw_entry_get_private (meeting));
  g_assert_cmpstr (cw_entry_get_notes (meeting), ==, "Only for us.");
  g_assert_cmpstr (cw_entry_get_kind (meeting), ==, "meeting");
  exported = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  g_assert_null (strstr (exported, "Private meeting"));
  g_assert_null (strstr (exported, "Only for us."));

  /* Moved to another category, a kind that is not one of it goes. */
  reply = load_entry (f->store, ENTRY_3);
  g_assert_cmpint (cw_entry_get_category (reply), ==, CW_ENTRY_CATEGORY_UPDATE);
  g_assert_null (cw_entry_get_kind (reply));

  /* Nothing it carries differs from what is stored: unchanged. */
  g_assert_cmpuint (summary->entries_unchanged, ==, 1);
  g_assert_cmpuint (summary->entries_updated, ==, 2);
  again = import_string (f->store, doc, "old-copy-again.xml");
  g_assert_cmpuint (again->entries_unchanged, ==, 3);
  g_assert_cmpuint (again->entries_updated, ==, 0);

  /* What a document does say, it says: private="false", a count of 0. */
  told = import_string (f->store, said, "said.xml");
  g_clear_object (&meeting);
  meeting = load_entry (f->store, ENTRY_2);
  g_assert_false (cw_entry_get_private (meeting));
  g_assert_cmpint (cw_entry_get_count (meeting), ==, 0);
}

/* The same coordinator, named again with only a new phone: the rest of
 * what was stored stays. Two holders of one name, in a public document:
 * each keeps their own details. */
static void
test_merge_same_people (Fixture       *f,
                        gconstpointer  data)
{
  const char *twins =
    DOC_START
    "  <case id=\"" CASE_B "\">\n"
    "    <title>Two Priyas</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <holder from=\"2020\" to=\"2022\"><name>Priya Shah</name><email>first@example.org</email></holder>\n"
    "    <holder from=\"2023\"><name>Priya Shah</name><email>second@example.org</email></holder>\n"
    "  </case>\n"
    DOC_END;
  const char *twins_public =
    DOC_START_PUBLIC
    "  <case id=\"" CASE_B "\">\n"
    "    <title>Two Priyas</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <holder from=\"2020\" to=\"2022\"><name>Priya Shah</name></holder>\n"
    "    <holder from=\"2023\"><name>Priya Shah</name></holder>\n"
    "  </case>\n"
    DOC_END;
  const char *doc = UPDATE_DOC (DOC_START, "", "", "",
                                "    <coordinator><name>Coord Name</name><phone>+44 999</phone>"
                                "</coordinator>\n");
  g_autoptr(CwImportSummary) first = NULL;
  g_autoptr(CwImportSummary) second = NULL;
  g_autoptr(CwImportSummary) third = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwCase) priyas = NULL;
  CwContact *coordinator;
  GPtrArray *holders;

  import_base (f);
  first = import_string (f->store, doc, "phone.xml");
  kase = load_case (f->store, CASE_A);
  coordinator = cw_case_get_coordinator (kase);
  g_assert_cmpstr (coordinator->phone, ==, "+44 999");
  g_assert_cmpstr (coordinator->email, ==, "coord@example.org");
  g_assert_cmpstr (coordinator->role, ==, "Coordinator");

  second = import_string (f->store, twins, "twins.xml");
  third = import_string (f->store, twins_public, "twins-public.xml");
  priyas = load_case (f->store, CASE_B);
  holders = cw_case_get_holders (priyas);
  g_assert_cmpuint (holders->len, ==, 2);
  g_assert_cmpstr (((CwContact *) g_ptr_array_index (holders, 0))->email, ==, "first@example.org");
  g_assert_cmpstr (((CwContact *) g_ptr_array_index (holders, 1))->email, ==, "second@example.org");
}

/* A public document never removes what public scope leaves out. */
static void
test_merge_public_keeps_private (Fixture       *f,
                                 gconstpointer  data)
{
  const char *doc = UPDATE_DOC (DOC_START_PUBLIC, " status=\"active\"", "", "",
                                "    <safety public-action=\"allowed\" solidarity=\"forbidden\"/>\n"
                                "    <coordinator><name>Coord Name</name><role>Country Coordinator</role>"
                                "</coordinator>\n"
                                "    <holder from=\"2024\" to=\"2025-01\"><name>Old Holder</name></holder>\n"
                                "    <holder from=\"2025-02\"><name>New Holder</name></holder>\n"
                                "    <holder from=\"2026\"><name>Third Holder</name></holder>\n"
                                "    <entry id=\"" ENTRY_1 "\" date=\"2025-01-10\" category=\"activity\""
                                " kind=\"letter\" count=\"6\"><title>Letters</title></entry>\n");
  g_autoptr(CwImportSummary) summary = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwEntry) secret = NULL;
  g_autoptr(CwEntry) letters = NULL;
  CwContact *contact;
  GPtrArray *holders;

  import_base (f);
  summary = import_string (f->store, doc, "public.xml");
  kase = load_case (f->store, CASE_A);

  /* What the public document carries is taken ... */
  g_assert_cmpint (cw_case_get_status (kase), ==, CW_CASE_STATUS_ACTIVE);
  g_assert_cmpstr (cw_case_get_public_action (kase), ==, "allowed");
  g_assert_cmpstr (cw_case_get_solidarity (kase), ==, "forbidden");
  letters = load_entry (f->store, ENTRY_1);
  g_assert_cmpint (cw_entry_get_count (letters), ==, 6);

  /* ... but the safety notes stay, */
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 2);
  g_assert_cmpstr (string_at (cw_case_get_safety_notes (kase), 0), ==, "Base note one.");
  g_assert_cmpstr (string_at (cw_case_get_safety_notes (kase), 1), ==, "Base note two.");

  /* the coordinator's phone and email stay, */
  contact = cw_case_get_coordinator (kase);
  g_assert_cmpstr (contact->name, ==, "Coord Name");
  g_assert_cmpstr (contact->role, ==, "Country Coordinator");
  g_assert_cmpstr (contact->email, ==, "coord@example.org");
  g_assert_cmpstr (contact->phone, ==, "+44 100");

  /* the holders' contact details stay, matched by name, */
  holders = cw_case_get_holders (kase);
  g_assert_cmpuint (holders->len, ==, 3);
  contact = g_ptr_array_index (holders, 0);
  g_assert_cmpstr (contact->name, ==, "Old Holder");
  g_assert_cmpstr (contact->email, ==, "old@example.org");
  g_assert_cmpstr (contact->phone, ==, "+44 200");
  assert_strv (contact->address, "1 Old Street", NULL);
  contact = g_ptr_array_index (holders, 1);
  g_assert_cmpstr (contact->name, ==, "New Holder");
  g_assert_cmpstr (contact->role, ==, "Holder");
  g_assert_cmpstr (contact->organisation, ==, "Group 7");
  g_assert_cmpstr (contact->email, ==, "new@example.org");
  g_assert_cmpstr (contact->phone, ==, "+44 300");
  assert_strv (contact->address, "2 New Street", "Town", NULL);
  g_assert_cmpstr (contact->notes, ==, "Holder notes.");
  contact = g_ptr_array_index (holders, 2);
  g_assert_cmpstr (contact->name, ==, "Third Holder");
  g_assert_null (contact->email);

  /* and the private entry stays, still private. */
  secret = load_entry (f->store, ENTRY_2);
  g_assert_true (cw_entry_get_private (secret));
  g_assert_cmpstr (cw_entry_get_notes (secret), ==, "Only for us.");
  g_assert_cmpuint (cw_test_count_entries (f->store, CASE_A), ==, 3);
}

/* A group's own public export, imported back into its database, loses
 * nothing: the full export is the same before and after. */
static void
test_merge_public_export_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CwImportSummary) first G_GNUC_UNUSED = cw_test_import_fixture (f->store, "every-element.xml");
  g_autofree char *before = snapshot (f->store);
  g_autofree char *public_doc = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  g_autoptr(CwImportSummary) again = NULL;
  g_autofree char *after = NULL;

  /* The public export really does leave things out ... */
  g_assert_null (strstr (public_doc, "Do not publish photographs"));
  g_assert_null (strstr (public_doc, "valdoria.coordinator@example.org"));
  g_assert_null (strstr (public_doc, "daniel@example.org"));
  g_assert_null (strstr (public_doc, "MP's caseworker"));

  /* ... and taking it back changes nothing. */
  again = import_string (f->store, public_doc, "public.xml");
  g_assert_cmpuint (again->cases_updated->len, ==, 0);
  g_assert_cmpuint (again->cases_unchanged->len, ==, 1);
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
}

/* An import is all or nothing: the second case fails when it is stored
 * (its entry's id belongs to another case), and neither the update of the
 * first case nor the new case before it is left behind. */
static void
test_merge_all_or_nothing (Fixture       *f,
                           gconstpointer  data)
{
  const char *doc =
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Base title</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>A summary that must not be stored.</summary>\n"
    "    <entry id=\"" ENTRY_5 "\" date=\"2025-04\"><title>New entry</title></entry>\n"
    "  </case>\n"
    "  <case id=\"" CASE_B "\">\n"
    "    <title>A new case</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" ENTRY_6 "\" date=\"2025-04\"><title>Another entry</title></entry>\n"
    "  </case>\n"
    "  <case id=\"" CASE_C "\">\n"
    "    <title>The case that fails</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025-04\"><title>Someone else's entry</title></entry>\n"
    "  </case>\n"
    DOC_END;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_base (f);
  before = snapshot (f->store);

  casefile = read_string (doc, "three-cases.xml", &error);
  g_assert_no_error (error);
  g_assert_false (import_casefile (f->store, casefile, FALSE, summary, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  assert_names_file_and_line (error->message, "three-cases.xml");
  g_assert_nonnull (strstr (error->message, "The case that fails"));
  g_assert_nonnull (strstr (error->message, ENTRY_1));

  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_false (cw_store_has_case (f->store, CASE_B));
  g_assert_false (cw_store_has_case (f->store, CASE_C));
  g_assert_false (store_has_entry (f->store, ENTRY_5));
  g_assert_false (store_has_entry (f->store, ENTRY_6));

  /* The store is still usable: the same document without the bad case
   * goes in. */
  g_ptr_array_remove_index (casefile->cases, 2);
  g_clear_error (&error);
  g_assert_true (import_casefile (f->store, casefile, FALSE, summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 2);
}

/* A dry run stores nothing, but its summary counts what would change; the
 * real import that follows counts the same. */
static void
test_merge_dry_run (Fixture       *f,
                    gconstpointer  data)
{
  const char *doc =
    DOC_START
    "  <case id=\"" CASE_A "\" status=\"closed\">\n"
    "    <title>Base title, updated</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>Base summary, updated.</summary>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025-01-10\" category=\"activity\" kind=\"letter\""
    " count=\"5\"><title>Letters</title></entry>\n"
    "    <entry id=\"" ENTRY_3 "\" date=\"2025-02\" category=\"outcome\" kind=\"reply\">"
    "<title>A friendlier reply</title></entry>\n"
    "    <entry id=\"" ENTRY_4 "\" date=\"2025-03\"><title>New entry</title></entry>\n"
    "  </case>\n"
    "  <case id=\"" CASE_B "\">\n"
    "    <title>A new case</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" ENTRY_5 "\" date=\"2025-04\"><title>One</title></entry>\n"
    "    <entry id=\"" ENTRY_6 "\" date=\"2025-04\"><title>Two</title></entry>\n"
    "  </case>\n"
    DOC_END;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autoptr(CwImportSummary) dry = cw_import_summary_new ();
  g_autoptr(CwImportSummary) real = cw_import_summary_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CwCase) kase = NULL;

  import_base (f);
  before = snapshot (f->store);

  casefile = read_string (doc, "dry.xml", &error);
  g_assert_no_error (error);
  g_assert_true (import_casefile (f->store, casefile, TRUE, dry, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (dry->cases_added->len, ==, 1);
  g_assert_cmpstr (string_at (dry->cases_added, 0), ==, "A new case");
  g_assert_cmpuint (dry->cases_updated->len, ==, 1);
  g_assert_cmpstr (string_at (dry->cases_updated, 0), ==, "Base title, updated");
  g_assert_cmpuint (dry->case_ids->len, ==, 2);
  g_assert_cmpstr (string_at (dry->case_ids, 0), ==, CASE_A);
  g_assert_cmpstr (string_at (dry->case_ids, 1), ==, CASE_B);
  g_assert_cmpuint (dry->entries_added, ==, 3);
  g_assert_cmpuint (dry->entries_updated, ==, 1);
  g_assert_cmpuint (dry->entries_unchanged, ==, 1);

  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_false (cw_store_has_case (f->store, CASE_B));
  g_assert_false (store_has_entry (f->store, ENTRY_4));
  kase = load_case (f->store, CASE_A);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Base title");
  g_assert_cmpint (cw_case_get_status (kase), ==, CW_CASE_STATUS_PAUSED);

  /* The real thing does what the dry run said. */
  g_assert_true (import_casefile (f->store, casefile, FALSE, real, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (real->cases_added->len, ==, dry->cases_added->len);
  g_assert_cmpuint (real->cases_updated->len, ==, dry->cases_updated->len);
  g_assert_cmpuint (real->entries_added, ==, dry->entries_added);
  g_assert_cmpuint (real->entries_updated, ==, dry->entries_updated);
  g_assert_cmpuint (real->entries_unchanged, ==, dry->entries_unchanged);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 2);
  g_assert_cmpuint (cw_test_count_entries (f->store, CASE_A), ==, 4);
  g_assert_cmpuint (cw_test_count_entries (f->store, CASE_B), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Hostile and broken documents */

typedef GBytes *(*MakeDocument) (void);

typedef struct {
  const char *path;        /* the test's name */
  const char *name;        /* the document's name, as messages must give it */
  const char *xml;         /* the document, or NULL for ... */
  MakeDocument make;       /* ... one made by the test */
  gsize limit;             /* a size cap, or 0 for the default */
  int code;                /* the CwCasefileError expected */
  const char *says;        /* a part of the message specific to the problem */
  gboolean located;        /* the message gives a line */
} Refusal;

static GBytes *
make_truncated (void)
{
  g_autofree char *path = cw_test_casefile_path ("every-element.xml");
  g_autoptr(GBytes) whole = cw_test_load_bytes (path);

  return g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
}

/* The classic: ten levels of ten references each, a billion "lol"s. */
static GBytes *
make_billion_laughs (void)
{
  GString *doc = g_string_new (XML_DECL "<!DOCTYPE casefile [\n  <!ENTITY lol \"lol\">\n");

  for (int level = 1; level <= 9; level++)
    {
      g_string_append_printf (doc, "  <!ENTITY lol%d \"", level);
      for (int i = 0; i < 10; i++)
        g_string_append_printf (doc, level == 1 ? "&lol;" : "&lol%d;", level - 1);
      g_string_append (doc, "\">\n");
    }
  g_string_append (doc, "]>\n<casefile xmlns=\"" NS "\" version=\"1.0\">\n"
                        "  <case id=\"" CASE_A "\">\n"
                        "    <title>&lol9;</title>\n"
                        "    <country code=\"XX\">Example Country</country>\n"
                        "    <summary>&lol9;</summary>\n"
                        "  </case>\n" DOC_END);
  return g_string_free_to_bytes (doc);
}

/* Elements of another vocabulary, 10,000 deep. */
static GBytes *
make_deep_nesting (void)
{
  GString *doc = g_string_new (DOC_START "  <case id=\"" CASE_A "\">\n"
                               "    <title>Deep</title>\n"
                               "    <country code=\"XX\">Example Country</country>\n"
                               "    <summary>What happened.</summary>\n");

  for (int i = 0; i < 10000; i++)
    g_string_append (doc, "<x:deep xmlns:x=\"http://example.org/other\">");
  for (int i = 0; i < 10000; i++)
    g_string_append (doc, "</x:deep>");
  g_string_append (doc, "\n  </case>\n" DOC_END);
  return g_string_free_to_bytes (doc);
}

static GBytes *
make_gzip (void)
{
  g_autofree char *path = cw_test_casefile_path ("every-element.xml");
  g_autoptr(GBytes) plain = cw_test_load_bytes (path);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  const guint8 *data;

  g_output_stream_write_bytes (out, plain, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (data[0], ==, 0x1f);
  g_assert_cmpuint (data[1], ==, 0x8b);
  return bytes;
}

static GBytes *
make_empty (void)
{
  return g_bytes_new_static ("", 0);
}

/* Empty with no bytes at all to point at, as the fuzzer found. */
static GBytes *
make_empty_null (void)
{
  GBytes *bytes = g_bytes_new (NULL, 0);

  g_assert_null (g_bytes_get_data (bytes, NULL));
  return bytes;
}

/* A valid document, refused for being a byte over the cap. */
static GBytes *
make_every_element (void)
{
  g_autofree char *path = cw_test_casefile_path ("every-element.xml");

  return cw_test_load_bytes (path);
}

#define ENTITY_TITLE_CASE \
  "<casefile xmlns=\"" NS "\" version=\"1.0\">\n" \
  "  <case id=\"" CASE_A "\">\n" \
  "    <title>&x;</title>\n" \
  "    <country code=\"XX\">Example Country</country>\n" \
  "    <summary>What happened.</summary>\n" \
  "  </case>\n" \
  DOC_END

#define ENTRY_CASE(attributes) \
  DOC_START \
  "  <case id=\"" CASE_A "\">\n" \
  "    <title>Jane Doe</title>\n" \
  "    <country code=\"XX\">Example Country</country>\n" \
  "    <summary>What happened.</summary>\n" \
  "    <entry id=\"" ENTRY_1 "\" " attributes "><title>An entry</title></entry>\n" \
  "  </case>\n" \
  DOC_END

static const Refusal refusals[] = {
  { "external-entity", "external-entity.xml",
    XML_DECL "<!DOCTYPE casefile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" ENTITY_TITLE_CASE,
    NULL, 0, CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  { "internal-entity", "internal-entity.xml",
    XML_DECL "<!DOCTYPE casefile [<!ENTITY x \"Someone else\">]>\n" ENTITY_TITLE_CASE,
    NULL, 0, CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  { "parameter-entity", "parameter-entity.xml",
    XML_DECL "<!DOCTYPE casefile [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n"
    ENTITY_TITLE_CASE,
    NULL, 0, CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  { "external-dtd", "external-dtd.xml",
    XML_DECL "<!DOCTYPE casefile SYSTEM \"file:///etc/passwd\">\n" ENTITY_TITLE_CASE,
    NULL, 0, CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  { "external-dtd-over-network", "network-dtd.xml",
    XML_DECL "<!DOCTYPE casefile PUBLIC \"-//Example//DTD Casefile//EN\""
    " \"http://example.org/casefile.dtd\">\n" ENTITY_TITLE_CASE,
    NULL, 0, CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  /* Default attribute values from a DTD never reach the schema: refused
   * with the DOCTYPE, or an unknown reference scheme would get in. */
  { "dtd-default-attribute", "dtd-default.xml",
    XML_DECL "<!DOCTYPE casefile [<!ATTLIST reference scheme CDATA \"smuggled\">]>\n"
    "<casefile xmlns=\"" NS "\" version=\"1.0\">\n"
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <reference>R-1</reference>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  { "undeclared-entity", "undeclared-entity.xml",
    XML_DECL ENTITY_TITLE_CASE,
    NULL, 0, CW_CASEFILE_ERROR_MALFORMED, "entities", TRUE },
  { "billion-laughs", "laughs.xml", NULL, make_billion_laughs, 0,
    CW_CASEFILE_ERROR_FORBIDDEN, "<!DOCTYPE>", TRUE },
  { "truncated", "truncated.xml", NULL, make_truncated, 0,
    CW_CASEFILE_ERROR_MALFORMED, "cut short", TRUE },
  { "not-xml", "notes.txt", "Dear group,\nplease find the case attached.\n", NULL, 0,
    CW_CASEFILE_ERROR_MALFORMED, "not well-formed", TRUE },
  /* Line 4, after the 16 characters of "    <title>Jane ": column 17. */
  { "bad-utf8", "bad-utf8.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane \xff\xfe Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_MALFORMED, "bad-utf8.xml:4:17: the text is not valid UTF-8", TRUE },
  { "wrong-root", "page.html",
    XML_DECL "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Hello</p></body></html>\n",
    NULL, 0, CW_CASEFILE_ERROR_NOT_CASEFILE, "<html>", TRUE },
  { "wrong-namespace", "wrong-namespace.xml",
    XML_DECL "<casefile xmlns=\"http://example.org/ns/casework/casefile/2\" version=\"1.0\">\n"
    MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_NOT_CASEFILE, "not in the namespace " NS, TRUE },
  { "no-namespace", "no-namespace.xml",
    XML_DECL "<casefile version=\"1.0\">\n" MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_NOT_CASEFILE, "not in the namespace " NS, TRUE },
  { "version-2", "version-2.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"2.0\">\n" MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VERSION, "version 2.0 of the casefile format", TRUE },
  { "version-garbage", "version-garbage.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"one\">\n" MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VERSION, "“one” is not a version", TRUE },
  /* No version at all is a document that breaks the format, not one of
   * another version. */
  { "no-version", "no-version.xml",
    XML_DECL "<casefile xmlns=\"" NS "\">\n" MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "does not say which version", TRUE },
  { "no-case", "no-case.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\">\n"
    "  <source><organisation>Somebody</organisation></source>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<case>", TRUE },
  { "no-title", "no-title.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<title>", TRUE },
  { "no-summary", "no-summary.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<summary>", TRUE },
  { "out-of-order", "out-of-order.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <summary>What happened.</summary>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "does not follow the casefile format", TRUE },
  { "entry-month-13", "month-13.xml",
    ENTRY_CASE ("date=\"2026-13-45\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2026-13-45", TRUE },
  { "entry-february-30", "entry-february-30.xml",
    ENTRY_CASE ("date=\"2026-02-30\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2026-02-30", TRUE },
  { "opened-february-30", "opened-february-30.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <opened>2026-02-30</opened>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2026-02-30", TRUE },
  { "holder-april-31", "holder-april-31.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <holder from=\"2025-04-31\"><name>Ruth</name></holder>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2025-04-31", TRUE },
  { "exported-not-a-moment", "exported.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\" exported=\"2025-02-29T10:00:00Z\">\n"
    MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2025-02-29T10:00:00Z", TRUE },
  { "repeated-entry-id", "repeated-entry-id.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025\"><title>One</title></entry>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025\"><title>Two</title></entry>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the id " ENTRY_1 " is used twice", TRUE },
  { "case-and-entry-share-id", "shared-id.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" CASE_A "\" date=\"2025\"><title>One</title></entry>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the id " CASE_A " is used twice", TRUE },
  { "repeated-case-id", "repeated-case-id.xml",
    DOC_START MINIMAL_CASE (CASE_A, "Jane Doe") MINIMAL_CASE (CASE_A, "Jane Doe again") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the id " CASE_A " is used twice", TRUE },
  { "id-not-canonical", "upper-case-id.xml",
    DOC_START MINIMAL_CASE ("0B5C6A3E-2F4D-4C8E-9D1A-6F7E8A9B0C1D", "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "0B5C6A3E-2F4D-4C8E-9D1A-6F7E8A9B0C1D", TRUE },
  /* The schema's nonNegativeInteger refuses this; the reader explains the
   * value first, as a VALUE error. */
  { "negative-count", "negative-count.xml",
    ENTRY_CASE ("date=\"2025\" count=\"-3\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the count -3 is not a whole number of 0 or more", TRUE },
  { "count-too-large", "huge-count.xml",
    ENTRY_CASE ("date=\"2025\" count=\"99999999999999999999\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the count 99999999999999999999 is too large", TRUE },
  /* What the schema requires, said in plain words. */
  { "entry-without-date", "no-date.xml",
    ENTRY_CASE ("kind=\"letter\""),
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "no-date.xml:7: <entry> has no date attribute, which it needs",
    TRUE },
  { "case-without-id", "no-id.xml",
    DOC_START
    "  <case>\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "no-id.xml:3: <case> has no id attribute, which it needs",
    TRUE },
  { "closed-without-outcome", "no-outcome.xml",
    DOC_START
    "  <case id=\"" CASE_A "\" status=\"closed\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <closed>2025</closed>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<closed> has no outcome attribute, which it needs", TRUE },
  { "unknown-region", "region.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <region>europe</region>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "“europe” is not a region: use one of africa,", TRUE },
  { "sequence-zero", "sequence.xml",
    DOC_START
    "  <case id=\"" CASE_A "\" type=\"urgent-action\">\n"
    "    <title>Jane Doe</title>\n"
    "    <urgent-action number=\"UA 1/25\" sequence=\"0\"/>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the urgent action’s sequence 0 is not a number from 1", TRUE },
  { "count-past-int32", "big-count.xml",
    ENTRY_CASE ("date=\"2025\" count=\"3000000000\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the count 3000000000 is too large: a count goes up to "
    "2147483647", TRUE },
  { "kind-not-of-category", "kind.xml",
    ENTRY_CASE ("date=\"2025\" category=\"outcome\" kind=\"letter\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "“letter” is not a kind of outcome", TRUE },
  { "unknown-status", "status.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\">\n"
    "  <case id=\"" CASE_A "\" status=\"open\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "“open”", TRUE },
  { "deep-nesting", "deep.xml", NULL, make_deep_nesting, 0,
    CW_CASEFILE_ERROR_MALFORMED, "nested too deeply", TRUE },
  { "over-size-cap", "big.xml", NULL, make_every_element, 1024,
    CW_CASEFILE_ERROR_TOO_LARGE, "up to 1024 bytes", FALSE },
  { "gzip", "case.xml.gz", NULL, make_gzip, 0,
    CW_CASEFILE_ERROR_NOT_CASEFILE, "compressed", FALSE },
  { "empty", "empty.xml", NULL, make_empty, 0,
    CW_CASEFILE_ERROR_MALFORMED, "empty", TRUE },
  { "empty-no-data", "empty.xml", NULL, make_empty_null, 0,
    CW_CASEFILE_ERROR_MALFORMED, "empty", TRUE },
  { "only-white-space", "blank.xml", "   \n\n", NULL, 0,
    CW_CASEFILE_ERROR_MALFORMED, "not well-formed", TRUE },
  /* A valid first case does not get in on its own. */
  { "second-case-bad-date", "second-case.xml",
    DOC_START
    MINIMAL_CASE (CASE_B, "A fine case")
    "  <case id=\"" CASE_C "\">\n"
    "    <title>A broken case</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025-02-29\"><title>Not a day</title></entry>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2025-02-29", TRUE },
  /* Blank where text is needed: the store would refuse the title, and the
   * writer could never export the others, so they are refused here. */
  { "blank-title", "blank-title.xml",
    DOC_START MINIMAL_CASE (CASE_A, "  \n  ") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<title> in <case> is empty", TRUE },
  { "blank-entry-title", "blank-entry-title.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025\"><title/></entry>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<title> in <entry> is empty", TRUE },
  { "blank-person-name", "blank-person.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <person role=\"subject\"><name> </name></person>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<name> in <person> is empty", TRUE },
  { "blank-coordinator-name", "blank-coordinator.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <coordinator><name></name><email>c@example.org</email></coordinator>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<name> in <coordinator> is empty", TRUE },
  { "blank-holder-name", "blank-holder.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <holder from=\"2025\"><name/></holder>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<name> in <holder> is empty", TRUE },
  { "blank-salutation", "blank-salutation.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <target><address><line>Ministry</line></address><salutation>\t</salutation></target>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "<salutation> in <target> is empty", TRUE },
  { "unknown-element-in-1.0", "unknown-element.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <mood>hopeful</mood>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "mood", TRUE },
  { "unknown-attribute-in-1.0", "unknown-attribute.xml",
    ENTRY_CASE ("date=\"2025\" weather=\"sunny\""),
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "weather", TRUE },
  /* The schema's patterns, checked by the reader itself (see
   * check_patterns()): a value of each patterned type that breaks its
   * pattern is refused with a message that names it. */
  { "pattern-version", "pattern-version.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.x\">\n" MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VERSION, "“1.x”", TRUE },
  { "pattern-uuid", "pattern-uuid.xml",
    DOC_START MINIMAL_CASE ("0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1", "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "“0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1”", TRUE },
  { "pattern-date-attribute", "pattern-date-attribute.xml",
    ENTRY_CASE ("date=\"2025-3\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2025-3", TRUE },
  { "pattern-date-element", "pattern-date-element.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <opened> 2025-03</opened>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "<opened>, “ 2025-03”, is not a date", TRUE },
  { "pattern-date-source-issued", "pattern-issued.xml",
    DOC_START
    "  <source><organisation>Section</organisation><issued>2025-03\n</issued></source>\n"
    MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "<issued>, “2025-03\\n”, is not a date", TRUE },
  { "pattern-timestamp", "pattern-timestamp.xml",
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\" exported=\"2025-02-01 10:00:00\">\n"
    MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "2025-02-01 10:00:00", TRUE },
  { "pattern-country-code", "pattern-country.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"co\">Colombia</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "pattern-country.xml:5: the country code “co”", TRUE },
  { "pattern-language-target", "pattern-language-target.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <target language=\"English\"><address><line>Ministry</line></address>"
    "<salutation>Dear Minister</salutation></target>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the language of <target>, “English”", TRUE },
  { "pattern-language-model-letter", "pattern-language-letter.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "    <model-letter language=\"pt_BR\">Senhor Ministro</model-letter>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the language of <model-letter>, “pt_BR”", TRUE },
  { "pattern-access", "pattern-access.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <detention><legal-access>sometimes</legal-access></detention>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "<legal-access> says “sometimes”", TRUE },
  { "pattern-access-empty-explanation", "pattern-access-colon.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <detention><family-access>restricted: \n </family-access></detention>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "<family-access> says “restricted:", TRUE },
  { "pattern-kind", "pattern-kind.xml",
    ENTRY_CASE ("date=\"2025\" kind=\"Letter\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the kind of <entry>, “Letter”", TRUE },
  { "pattern-count", "pattern-count.xml",
    ENTRY_CASE ("date=\"2025\" count=\"+5\""),
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "+5", TRUE },
  { "pattern-sequence", "pattern-sequence.xml",
    DOC_START
    "  <case id=\"" CASE_A "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <urgent-action sequence=\"+2\"/>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "the sequence of <urgent-action>, “+2”", TRUE },
  /* The first problem in the document is the one reported, whether the
   * schema or a pattern finds it, in the same case or in another one. */
  { "pattern-before-structure", "pattern-first.xml",
    DOC_START
    "  <case id=\"" CASE_B "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <country code=\"xx\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n"
    "  <case id=\"" CASE_C "\">\n"
    "    <title>John Roe</title>\n"
    "    <summary>What happened.</summary>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_VALUE, "pattern-first.xml:5: the country code “xx”", TRUE },
  { "structure-before-pattern", "structure-first.xml",
    DOC_START
    "  <case id=\"" CASE_B "\">\n"
    "    <title>Jane Doe</title>\n"
    "    <summary>What happened.</summary>\n"
    "    <country code=\"XX\">Example Country</country>\n"
    "  </case>\n"
    "  <case id=\"" CASE_C "\">\n"
    "    <title>John Roe</title>\n"
    "    <country code=\"xx\">Example Country</country>\n"
    "    <summary>What happened.</summary>\n"
    "  </case>\n" DOC_END,
    NULL, 0, CW_CASEFILE_ERROR_INVALID, "does not follow the casefile format", TRUE },
};


/* What the patterns accept at their edges goes in as written: white space
 * inside access explanations, language tags with subtags, counts with
 * leading zeros, a kind of hyphens, dates of each precision. */
static void
test_patterns_accepted (Fixture       *f,
                        gconstpointer  data)
{
  const char *doc =
    XML_DECL "<casefile xmlns=\"" NS "\" version=\"1.0\" exported=\"2025-12-31T23:59:59Z\">\n"
    "  <source><organisation>Section</organisation><issued>2025-03</issued></source>\n"
    "  <case id=\"" CASE_A "\" modified=\"2024-02-29T00:00:00Z\">\n"
    "    <title>Jane Doe</title>\n"
    "    <urgent-action issued=\"2025\" deadline=\"2025-04-30\" sequence=\"02\"/>\n"
    "    <country code=\"ZZ\">Example Country</country>\n"
    "    <opened>2020</opened>\n"
    "    <closed outcome=\"released\">2025-03-07</closed>\n"
    "    <person><name>Jane Doe</name><born>1980-12</born></person>\n"
    "    <detention>\n"
    "      <arrested>2019-01-31</arrested>\n"
    "      <legal-access>\n  restricted:\n   one visit,\n   with guards\n</legal-access>\n"
    "      <family-access>no:none since May</family-access>\n"
    "    </detention>\n"
    "    <summary>What happened.</summary>\n"
    "    <holder from=\"2020-01\" to=\"2025\"><name>Ruth</name></holder>\n"
    "    <target language=\"zh-Hant-TW\"><address><line>Ministry</line></address>"
    "<salutation>Dear Minister</salutation></target>\n"
    "    <model-letter language=\"es-419\">Estimado Ministro</model-letter>\n"
    "    <entry id=\"" ENTRY_1 "\" date=\"2025-02-28\" category=\"update\" kind=\"follow-up\""
    " count=\"007\"><title>Follow-up</title></entry>\n"
    "  </case>\n" DOC_END;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = read_string (doc, "edges.xml", &error);
  CwCasefileCase *item;
  CwDetention *detention;

  g_assert_no_error (error);
  g_assert_nonnull (casefile);
  g_assert_cmpuint (casefile->cases->len, ==, 1);
  item = g_ptr_array_index (casefile->cases, 0);
  g_assert_cmpuint (cw_case_get_ua_sequence (item->kase), ==, 2);
  g_assert_cmpstr (cw_case_get_country_code (item->kase), ==, "ZZ");
  detention = cw_case_get_detention (item->kase);
  g_assert_cmpstr (detention->legal_access, ==, "restricted");
  g_assert_cmpstr (detention->legal_access_note, ==, "one visit,\n   with guards");
  g_assert_cmpstr (detention->family_access, ==, "no");
  g_assert_cmpstr (((CwTarget *) g_ptr_array_index (cw_case_get_targets (item->kase), 0))->language,
                   ==, "zh-Hant-TW");
  g_assert_cmpuint (item->entries->len, ==, 1);
  g_assert_cmpint (cw_entry_get_count (g_ptr_array_index (item->entries, 0)), ==, 7);
  g_assert_cmpstr (cw_entry_get_kind (g_ptr_array_index (item->entries, 0)), ==, "follow-up");
}

static char *
first_line_of_passwd (void)
{
  char *contents = NULL;
  char *newline;

  if (!g_file_get_contents ("/etc/passwd", &contents, NULL, NULL))
    return NULL;
  newline = strchr (contents, '\n');
  if (newline != NULL)
    *newline = '\0';
  return contents;
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_no_errno (getrusage (RUSAGE_SELF, &usage));
  return usage.ru_maxrss;
}

/* Each refusal: its error code, a message naming the document (and a line
 * where a line means something) and the problem, and a database exactly as
 * it was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr(CwImportSummary) base G_GNUC_UNUSED = cw_test_import_fixture (f->store, "every-element.xml");
  g_autofree char *before = snapshot (f->store);
  g_autofree char *after = NULL;
  g_autofree char *passwd = first_line_of_passwd ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autofree char *name_prefix = g_strconcat (refusal->name, ":", NULL);
  glong rss_before;
  gint64 started;
  double seconds;

  if (refusal->xml != NULL)
    bytes = g_bytes_new_static (refusal->xml, strlen (refusal->xml));
  else
    bytes = refusal->make ();

  rss_before = max_rss_kb ();
  started = g_get_monotonic_time ();
  if (refusal->limit != 0)
    casefile = cw_casefile_read_with_limit (bytes, refusal->name, refusal->limit, &error);
  else
    casefile = cw_casefile_read (bytes, refusal->name, &error);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  /* Were it read after all, it must not get in either. */
  if (casefile != NULL)
    {
      g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

      import_casefile (f->store, casefile, FALSE, summary, NULL);
    }

  g_assert_null (casefile);
  g_assert_error (error, CW_CASEFILE_ERROR, refusal->code);
  g_test_message ("%s (%.3f s)", error->message, seconds);
  g_assert_true (g_str_has_prefix (error->message, name_prefix));
  if (refusal->located)
    assert_names_file_and_line (error->message, refusal->name);
  g_assert_nonnull (strstr (error->message, refusal->says));

  /* Nothing from outside the document is ever read. */
  if (passwd != NULL && *passwd != '\0')
    g_assert_null (strstr (error->message, passwd));

  /* Refused at once: no expansion, no giant tree. */
  g_assert_cmpfloat (seconds, <, 10.0);
  g_assert_cmpint (max_rss_kb () - rss_before, <, 64 * 1024);

  /* Read from a file, a piece at a time, it is refused for the same
   * reason at the same place, under the file's own name. */
  if (refusal->limit == 0)
    {
      g_autofree char *path = g_build_filename (f->dir, refusal->name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) file_error = NULL;
      g_autoptr(CwCasefile) from_file = NULL;
      gsize size;
      const char *contents = g_bytes_get_data (bytes, &size);

      g_assert_true (g_file_set_contents (path, contents != NULL ? contents : "", size, NULL));
      from_file = cw_casefile_read_file (file, &file_error);
      g_assert_null (from_file);
      g_assert_error (file_error, CW_CASEFILE_ERROR, refusal->code);
      g_assert_true (g_str_has_prefix (file_error->message, path));
      g_assert_cmpstr (file_error->message + strlen (path), ==,
                       error->message + strlen (refusal->name));

      /* Stored as it is read, it is refused the same way. */
      {
        g_autoptr(GPtrArray) files = g_ptr_array_new ();
        g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
        g_autoptr(GError) import_error = NULL;

        g_ptr_array_add (files, file);
        g_assert_false (cw_store_import_files (f->store, files, FALSE, summary, NULL,
                                               NULL, NULL, &import_error));
        g_assert_error (import_error, CW_CASEFILE_ERROR, refusal->code);
        g_assert_cmpstr (import_error->message, ==, file_error->message);
      }
    }

  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_false (cw_store_has_case (f->store, CASE_A));
  g_assert_false (cw_store_has_case (f->store, CASE_B));
  if (passwd != NULL && *passwd != '\0')
    g_assert_null (strstr (after, passwd));
}

/* A file over the cap is refused from its size alone, without being
 * loaded: a sparse file of 64 GiB would not fit in memory. */
static void
test_refused_large_file (Fixture       *f,
                         gconstpointer  data)
{
  const goffset sizes[] = { (goffset) CW_CASEFILE_MAX_BYTES + 1, G_GOFFSET_CONSTANT (64) << 30 };
  g_autofree char *before = snapshot (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "huge.xml", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CwCasefile) casefile = NULL;
      g_autofree char *size = g_strdup_printf ("%" G_GOFFSET_FORMAT " bytes", sizes[i]);
      int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      g_assert_cmpint (fd, >=, 0);
      if (ftruncate (fd, sizes[i]) != 0)
        {
          g_test_message ("cannot make a sparse file of %" G_GOFFSET_FORMAT " bytes here", sizes[i]);
          g_assert_no_errno (close (fd));
          g_assert_no_errno (g_unlink (path));
          continue;
        }
      g_assert_no_errno (close (fd));

      casefile = cw_casefile_read_file (file, &error);
      g_assert_null (casefile);
      g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, size));
      g_assert_no_errno (g_unlink (path));
    }

  /* A file that is not there is an I/O error that names it. */
  {
    g_autofree char *path = g_build_filename (f->dir, "missing.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(CwCasefile) casefile = cw_casefile_read_file (file, &error);

    g_assert_null (casefile);
    g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO);
    g_assert_true (g_str_has_prefix (error->message, path));
  }

  {
    g_autofree char *after = snapshot (f->store);

    g_assert_cmpstr (before, ==, after);
  }
}

/* Characters of two, three and four bytes, cut in two by every kind of
 * boundary between the pieces the reader checks: the document reads the
 * same from memory and from a file, and a bad byte far into it is found
 * at its line and column. */
/* @doc read from memory under @name, and from a file of that name. */
typedef struct {
  char *path;
  CwCasefile *read[2];     /* from memory, from the file */
  GError *error[2];
} BothWays;

static void
both_ways_clear (BothWays *both)
{
  g_free (both->path);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&both->read[i], cw_casefile_free);
      g_clear_error (&both->error[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BothWays, both_ways_clear)

static void
read_both_ways (Fixture    *f,
                GString    *doc,
                const char *name,
                BothWays   *both)
{
  g_autoptr(GBytes) bytes = g_bytes_new (doc->str, doc->len);
  g_autoptr(GFile) file = NULL;

  both->read[0] = cw_casefile_read (bytes, name, &both->error[0]);
  both->path = g_build_filename (f->dir, name, NULL);
  g_assert_true (g_file_set_contents (both->path, doc->str, (gssize) doc->len, NULL));
  file = g_file_new_for_path (both->path);
  both->read[1] = cw_casefile_read_file (file, &both->error[1]);
}

static void
assert_read_both_ways (Fixture    *f,
                       GString    *doc,
                       const char *name,
                       const char *summary)
{
  g_auto(BothWays) both = { 0 };

  read_both_ways (f, doc, name, &both);
  for (guint i = 0; i < 2; i++)
    {
      CwCasefileCase *item;

      g_assert_no_error (both.error[i]);
      g_assert_cmpuint (both.read[i]->cases->len, ==, 1);
      item = g_ptr_array_index (both.read[i]->cases, 0);
      g_assert_cmpstr (cw_case_get_summary (item->kase), ==, summary);
    }
}

static void
assert_refused_both_ways (Fixture    *f,
                          GString    *doc,
                          const char *name,
                          const char *where)
{
  g_auto(BothWays) both = { 0 };

  read_both_ways (f, doc, name, &both);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s:%s: the text is not valid UTF-8",
                                                   i == 0 ? name : both.path, where);

      g_assert_null (both.read[i]);
      g_assert_error (both.error[i], CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (both.error[i]->message, expected));
    }
}

static void
test_utf8_across_pieces (Fixture       *f,
                         gconstpointer  data)
{
  /* 2 + 3 + 4 + 1 bytes: over 40 kB the pieces' ends fall in every byte
   * of every kind of character */
  static const char unit[] = "\u00e9\u20ac\U0001F600a";
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) doc = NULL;
  g_autoptr(GString) bad = NULL;
  g_autofree char *where = NULL;
  const char *bad_at;
  const char *line_start;
  int line = 1;

  for (guint l = 0; l < 100; l++)
    {
      if (l > 0)
        g_string_append_c (summary, '\n');
      for (guint u = 0; u < 40 + l % 7; u++)
        g_string_append (summary, unit);
    }

  doc = g_string_new (DOC_START "  <case id=\"" CASE_A "\">\n"
                      "    <title>Jane Doe</title>\n"
                      "    <country code=\"XX\">Example Country</country>\n"
                      "    <summary>");
  g_string_append (doc, summary->str);
  g_string_append (doc, "</summary>\n  </case>\n" DOC_END);
  g_assert_cmpuint (doc->len, >, 40000);
  assert_read_both_ways (f, doc, "pieces.xml", summary->str);

  /* The euro sign of the 13th unit on the document's 80th line, broken,
   * far past the first pieces. */
  bad = g_string_new_len (doc->str, (gssize) doc->len);
  bad_at = bad->str;
  for (guint l = 0; l < 79; l++)
    bad_at = strchr (bad_at, '\n') + 1;
  bad_at = strstr (bad_at, "\u00e9");
  for (guint u = 0; u < 12; u++)
    bad_at += strlen (unit);
  bad_at += strlen ("\u00e9");
  g_assert_cmpint ((guchar) bad_at[0], ==, 0xe2);
  g_assert_cmpint (bad_at - bad->str, >, 30000);
  bad->str[bad_at - bad->str + 1] = (char) 0xff;

  for (const char *p = bad->str; p < bad_at; p++)
    line += *p == '\n';
  line_start = g_strrstr_len (bad->str, bad_at - bad->str, "\n") + 1;
  where = g_strdup_printf ("%d:%ld", line, g_utf8_strlen (line_start, bad_at - line_start) + 1);
  g_assert_cmpstr (where, ==, "80:50");
  assert_refused_both_ways (f, bad, "broken.xml", where);

  /* A character cut short by the end of the document. */
  g_string_truncate (bad, 0);
  g_string_append_len (bad, doc->str, (gssize) doc->len);
  g_string_append (bad, "\xf0\x9f\x98");
  line = 1;
  for (const char *p = bad->str; *p != '\0'; p++)
    line += *p == '\n';
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("%d:1", line);
  assert_refused_both_ways (f, bad, "cut-short.xml", where);
}

/* A pipe has no size to check first: it is read only up to the cap, and
 * its bytes are checked to the end even once the parser has given up. */
static gpointer
write_endless_blanks (gpointer data)
{
  const char *path = data;
  static const char start[] = "Dear group,\n";
  char blanks[65536];
  gsize total = 0;
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  memset (blanks, ' ', sizeof blanks);
  if (write (fd, start, strlen (start)) > 0)
    while (total <= (gsize) CW_CASEFILE_MAX_BYTES && write (fd, blanks, sizeof blanks) > 0)
      total += sizeof blanks;
  close (fd);
  return NULL;
}

static void
test_refused_endless_pipe (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "endless.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autofree char *cap = g_strdup_printf ("more than %d bytes", CW_CASEFILE_MAX_BYTES);
  GThread *writer;
  glong rss_before = max_rss_kb ();

  if (mkfifo (path, 0600) != 0)
    {
      g_test_skip ("cannot make a named pipe here");
      return;
    }
  /* the writer is told by EPIPE, not killed by SIGPIPE, when the reader stops */
  signal (SIGPIPE, SIG_IGN);
  writer = g_thread_new ("writer", write_endless_blanks, path);
  casefile = cw_casefile_read_file (file, &error);
  g_thread_join (writer);

  g_assert_null (casefile);
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, cap));
  /* read a piece at a time, never held whole */
  g_assert_cmpint (max_rss_kb () - rss_before, <, 16 * 1024);
}

/* The size cap counts bytes exactly: a document of exactly the cap is
 * read, a byte more is not. */
static void
test_size_cap_boundary (void)
{
  g_autoptr(GBytes) bytes = make_every_element ();
  gsize size = g_bytes_get_size (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) exact = cw_casefile_read_with_limit (bytes, "exact.xml", size, &error);
  g_autoptr(CwCasefile) over = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (exact);
  over = cw_casefile_read_with_limit (bytes, "over.xml", size - 1, &error);
  g_assert_null (over);
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE);
}

/* ------------------------------------------------------------------ */
/* Versions and other vocabularies */

#define NEWER_CASE(version) \
  XML_DECL \
  "<casefile xmlns=\"" NS "\" version=\"" version "\">\n" \
  "  <case id=\"" CASE_A "\" status=\"paused\">\n" \
  "    <title>Jane Doe</title>\n" \
  "    <country code=\"XX\">Example Country</country>\n" \
  "    <theme>torture</theme>\n" \
  "    <summary>What happened.</summary>\n" \
  "    <mood>hopeful</mood>\n" \
  "    <holder from=\"2025\"><name>Ruth</name><pager>1234</pager></holder>\n" \
  "    <entry id=\"" ENTRY_1 "\" date=\"2025-03\" category=\"activity\" kind=\"letter\" count=\"4\"" \
  " weather=\"sunny\"><title>Letters</title></entry>\n" \
  "  </case>\n" \
  DOC_END

/* A newer minor version may carry what this reader does not know: each is
 * a warning, and the rest is imported. */
static void
test_newer_minor_version (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = read_string (NEWER_CASE ("1.1"), "newer.xml", &error);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(CwEntry) entry = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (casefile);
  g_assert_cmpstr (casefile->version, ==, "1.1");
  for (guint i = 0; i < casefile->warnings->len; i++)
    g_test_message ("warning: %s", (char *) g_ptr_array_index (casefile->warnings, i));
  g_assert_cmpuint (casefile->warnings->len, ==, 3);
  g_assert_true (warnings_mention (casefile, "newer.xml:8: <mood>"));
  g_assert_true (warnings_mention (casefile, "newer.xml:9: <pager>"));
  g_assert_true (warnings_mention (casefile, "newer.xml:10: the attribute “weather” of <entry>"));

  g_assert_true (import_casefile (f->store, casefile, FALSE, summary, &error));
  g_assert_no_error (error);
  kase = load_case (f->store, CASE_A);
  g_assert_cmpint (cw_case_get_status (kase), ==, CW_CASE_STATUS_PAUSED);
  g_assert_cmpuint (cw_case_get_themes (kase)->len, ==, 1);
  g_assert_cmpuint (cw_case_get_holders (kase)->len, ==, 1);
  g_assert_cmpstr (((CwContact *) g_ptr_array_index (cw_case_get_holders (kase), 0))->name, ==, "Ruth");
  entry = load_entry (f->store, ENTRY_1);
  g_assert_cmpint (cw_entry_get_count (entry), ==, 4);
  g_assert_cmpstr (cw_entry_get_title (entry), ==, "Letters");
}

/* The same document as 1.0 is refused: there, an unknown element is an
 * error. */
static void
test_unknown_in_1_0 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = read_string (NEWER_CASE ("1.0"), "old.xml", &error);

  g_assert_null (casefile);
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  assert_names_file_and_line (error->message, "old.xml");
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 0);
}

/* Elements and attributes of another namespace are ignored with a warning,
 * in any version, however deep and whatever they hold. */
static void
test_foreign_namespace (Fixture       *f,
                        gconstpointer  data)
{
  const char *versions[] = { "1.0", "1.3" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        XML_DECL
        "<casefile xmlns=\"" NS "\" xmlns:x=\"http://example.org/other\" version=\"%s\""
        " x:origin=\"elsewhere\">\n"
        "  <x:preface>Not ours <title>Not a title</title></x:preface>\n"
        "  <case id=\"" CASE_A "\" x:colour=\"red\">\n"
        "    <title>Jane Doe</title>\n"
        "    <x:tag>followed</x:tag>\n"
        "    <country code=\"XX\">Example Country</country>\n"
        "    <summary>What happened.<x:footnote>1</x:footnote></summary>\n"
        "  </case>\n"
        DOC_END, versions[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CwCasefile) casefile = read_string (doc, "foreign.xml", &error);
      g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
      g_autoptr(CwCase) kase = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (casefile);
      for (guint j = 0; j < casefile->warnings->len; j++)
        g_test_message ("warning: %s", (char *) g_ptr_array_index (casefile->warnings, j));
      g_assert_cmpuint (casefile->warnings->len, ==, 5);
      g_assert_true (warnings_mention (casefile, "“origin”"));
      g_assert_true (warnings_mention (casefile, "foreign.xml:3: <preface>"));
      g_assert_true (warnings_mention (casefile, "“colour”"));
      g_assert_true (warnings_mention (casefile, "foreign.xml:6: <tag>"));
      g_assert_true (warnings_mention (casefile, "foreign.xml:8: <footnote>"));

      g_assert_true (import_casefile (f->store, casefile, FALSE, summary, &error));
      g_assert_no_error (error);
      kase = load_case (f->store, CASE_A);
      g_assert_cmpstr (cw_case_get_title (kase), ==, "Jane Doe");
      g_assert_cmpstr (cw_case_get_summary (kase), ==, "What happened.");
    }
}

/* ------------------------------------------------------------------ */
/* Size */

/* 10,000 cases of two entries each, in one document and one transaction. */
static void
test_ten_thousand_cases (Fixture       *f,
                         gconstpointer  data)
{
  const guint n_cases = 10000;
  GString *doc = g_string_new (DOC_START);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  gint64 started, read_done, import_done;

  for (guint i = 0; i < n_cases; i++)
    g_string_append_printf (doc,
                            "  <case id=\"%08x-0000-4000-8000-000000000000\" status=\"active\">\n"
                            "    <title>Case number %u</title>\n"
                            "    <country code=\"XX\">Example Country</country>\n"
                            "    <theme>prisoner-of-conscience</theme>\n"
                            "    <summary>Person %u was arrested for a peaceful protest.</summary>\n"
                            "    <entry id=\"%08x-0001-4000-8000-000000000001\" date=\"2025-03-%02u\""
                            " category=\"activity\" kind=\"letter\" count=\"%u\">"
                            "<title>Letters</title></entry>\n"
                            "    <entry id=\"%08x-0002-4000-8000-000000000002\" date=\"2025-04\""
                            " category=\"outcome\" kind=\"reply\"><title>Reply</title></entry>\n"
                            "  </case>\n",
                            i, i, i, i, 1 + i % 28, i % 50, i);
  g_string_append (doc, DOC_END);
  bytes = g_string_free_to_bytes (doc);

  started = g_get_monotonic_time ();
  casefile = cw_casefile_read (bytes, "ten-thousand.xml", &error);
  read_done = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpuint (casefile->cases->len, ==, n_cases);

  {
    g_autoptr(GPtrArray) casefiles = g_ptr_array_new ();

    g_ptr_array_add (casefiles, casefile);
    cw_store_import_casefiles (f->store, casefiles, FALSE, summary, NULL, NULL, &error);
  }
  import_done = g_get_monotonic_time ();
  g_assert_no_error (error);

  g_test_message ("10,000 cases (%" G_GSIZE_FORMAT " bytes): read in %.2f s, imported in %.2f s",
                  g_bytes_get_size (bytes),
                  (read_done - started) / (double) G_USEC_PER_SEC,
                  (import_done - read_done) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (cw_store_count_cases (f->store), ==, n_cases);
  g_assert_cmpuint (summary->cases_added->len, ==, n_cases);
  g_assert_cmpuint (summary->entries_added, ==, 2 * n_cases);
  g_assert_cmpuint (cw_test_count_entries (f->store, "0000270f-0000-4000-8000-000000000000"), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Reading and storing side by side */

/* @n valid cases, and after them, if @bad, one whose entry has no date. */
static char *
many_cases (guint    n,
            gboolean bad)
{
  GString *doc = g_string_new (DOC_START);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc,
                            "  <case id=\"%08x-0000-4000-8000-000000000000\">\n"
                            "    <title>Case number %u</title>\n"
                            "    <country code=\"XX\">Example Country</country>\n"
                            "    <summary>What happened.</summary>\n"
                            "    <entry id=\"%08x-0001-4000-8000-000000000001\" date=\"2025-03\">"
                            "<title>Letters</title></entry>\n"
                            "  </case>\n",
                            i + 1, i + 1, i + 1);
  if (bad)
    g_string_append (doc,
                     "  <case id=\"" CASE_C "\">\n"
                     "    <title>The case that is unsound</title>\n"
                     "    <country code=\"XX\">Example Country</country>\n"
                     "    <summary>What happened.</summary>\n"
                     "    <entry id=\"" ENTRY_6 "\"><title>No date</title></entry>\n"
                     "  </case>\n");
  g_string_append (doc, DOC_END);
  return g_string_free (doc, FALSE);
}

static gboolean
import_paths (CwStore          *store,
              const char       *first,
              const char       *second,
              gboolean          dry_run,
              CwImportSummary  *summary,
              GPtrArray        *casefiles,
              GError          **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, g_file_new_for_path (first));
  if (second != NULL)
    g_ptr_array_add (files, g_file_new_for_path (second));
  return cw_store_import_files (store, files, dry_run, summary, casefiles, NULL, NULL, error);
}

/* The same files, stored as they are read or read first and stored after:
 * the same summary, warnings, cases and timelines. */
static void
test_import_files_as_read_first (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *long_term = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *newer = cw_test_write_file (f->dir, "newer.xml", NEWER_CASE ("1.1"));
  g_autoptr(CwStore) other = cw_test_open_store (f->dir, "read-first.db");
  g_autoptr(CwImportSummary) piped = cw_import_summary_new ();
  g_autoptr(CwImportSummary) first = cw_import_summary_new ();
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { long_term, newer };

  g_assert_true (import_paths (f->store, long_term, newer, FALSE, piped, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      CwCasefile *casefile = cw_casefile_read_file (file, &error);

      g_assert_no_error (error);
      g_ptr_array_add (casefiles, casefile);
    }
  g_assert_true (cw_store_import_casefiles (other, casefiles, FALSE, first, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (piped->cases_added->len, ==, 2);
  g_assert_cmpuint (piped->cases_added->len, ==, first->cases_added->len);
  g_assert_cmpuint (piped->entries_added, >=, 5);
  g_assert_cmpuint (piped->entries_added, ==, first->entries_added);
  for (guint i = 0; i < first->case_ids->len; i++)
    {
      const char *id = string_at (first->case_ids, i);

      g_assert_cmpstr (string_at (piped->case_ids, i), ==, id);
      g_assert_cmpstr (string_at (piped->cases_added, i), ==, string_at (first->cases_added, i));
      g_assert_cmpuint (cw_test_count_entries (f->store, id), ==, cw_test_count_entries (other, id));
    }

  /* The newer document's unknown parts are told, as when read first. */
  g_assert_cmpuint (piped->warnings->len, ==, 3);
  g_assert_cmpuint (first->warnings->len, ==, 3);
  for (guint i = 0; i < first->warnings->len; i++)
    g_assert_true (g_str_has_suffix (string_at (piped->warnings, i),
                                     strchr (string_at (first->warnings, i), ':')));

  /* Imported again, each way, nothing changes. */
  g_clear_pointer (&piped, cw_import_summary_free);
  piped = cw_import_summary_new ();
  g_assert_true (import_paths (f->store, long_term, newer, FALSE, piped, NULL, &error));
  g_assert_cmpuint (piped->cases_updated->len, ==, 0);
  g_assert_cmpuint (piped->cases_unchanged->len, ==, 2);
  g_assert_cmpuint (piped->entries_added + piped->entries_updated, ==, 0);
}

/* A dry run stores nothing; it hands back what it read, cases and all,
 * and storing that afterwards does what the dry run said. */
static void
test_import_files_dry_run (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *doc = many_cases (40, FALSE);
  g_autofree char *path = cw_test_write_file (f->dir, "forty.xml", doc);
  g_autofree char *before = snapshot (f->store);
  g_autofree char *after = NULL;
  g_autoptr(CwImportSummary) dry = cw_import_summary_new ();
  g_autoptr(CwImportSummary) real = cw_import_summary_new ();
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(GError) error = NULL;
  CwCasefile *casefile;

  g_assert_true (import_paths (f->store, path, NULL, TRUE, dry, casefiles, &error));
  g_assert_no_error (error);
  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (dry->cases_added->len, ==, 40);
  g_assert_cmpuint (dry->entries_added, ==, 40);

  g_assert_cmpuint (casefiles->len, ==, 1);
  casefile = g_ptr_array_index (casefiles, 0);
  g_assert_true (g_str_has_suffix (casefile->name, "forty.xml"));
  g_assert_cmpuint (casefile->cases->len, ==, 40);
  g_assert_cmpstr (cw_case_get_title (((CwCasefileCase *) g_ptr_array_index (casefile->cases, 39))->kase),
                   ==, "Case number 40");

  g_assert_true (cw_store_import_casefiles (f->store, casefiles, FALSE, real, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (real->cases_added->len, ==, 40);
  g_assert_cmpuint (real->entries_added, ==, 40);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 40);
}

/* Cases stored before the document turns out unsound are rolled back; so
 * is a whole earlier file. The reader's error is the one told. */
static void
test_import_files_unsound_late (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *good_doc = many_cases (3, FALSE);
  g_autofree char *bad_doc = many_cases (50, TRUE);
  g_autofree char *good = cw_test_write_file (f->dir, "good.xml", good_doc);
  g_autofree char *bad = cw_test_write_file (f->dir, "late.xml", bad_doc);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_base (f);
  before = snapshot (f->store);

  casefile = cw_casefile_read_file (bad_file, &read_error);
  g_assert_null (casefile);
  g_assert_nonnull (read_error);

  g_assert_false (import_paths (f->store, good, bad, FALSE, summary, NULL, &error));
  g_assert_error (error, read_error->domain, read_error->code);
  g_assert_cmpstr (error->message, ==, read_error->message);
  g_assert_nonnull (strstr (error->message, "late.xml:"));
  /* More cases than wait between the reader and the store were stored
   * before the reader came to the unsound one. */
  g_assert_cmpuint (summary->cases_added->len, >, 20);

  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);

  /* The store is still usable. */
  g_clear_error (&error);
  g_assert_true (import_paths (f->store, good, NULL, FALSE, summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 4);
}

/* A case that cannot be stored: nothing is, and it is named, unless a
 * later file is unsound, which would have been found first had every file
 * been read before storing. */
static void
test_import_files_store_error (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *refused_doc = many_cases (30, FALSE);
  g_autofree char *bad_doc = many_cases (2, TRUE);
  g_autofree char *refused = NULL;
  g_autofree char *bad = cw_test_write_file (f->dir, "unsound.xml", bad_doc);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  char *last_case;

  /* The last case claims the base document's first entry. */
  last_case = g_strrstr (refused_doc, "0000001e-0001-4000-8000-000000000001");
  g_assert_nonnull (last_case);
  memcpy (last_case, ENTRY_1, strlen (ENTRY_1));
  refused = cw_test_write_file (f->dir, "refused.xml", refused_doc);

  import_base (f);
  before = snapshot (f->store);

  {
    g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

    g_assert_false (import_paths (f->store, refused, NULL, FALSE, summary, NULL, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "refused.xml:"));
    g_assert_nonnull (strstr (error->message, "Case number 30"));
    g_assert_nonnull (strstr (error->message, ENTRY_1));
    g_clear_error (&error);
  }

  {
    g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

    g_assert_false (import_paths (f->store, refused, bad, FALSE, summary, NULL, &error));
    g_test_message ("%s", error->message);
    g_assert_true (error->domain == CW_CASEFILE_ERROR);
    g_assert_nonnull (strstr (error->message, "unsound.xml:"));
  }

  after = snapshot (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
}

/* Told after the first case, it waits: the reader, far ahead, fills the
 * queue between them and waits for room. */
static void
slow_first_progress (guint    done,
                     guint    total,
                     gpointer user_data)
{
  if (done == 1)
    g_usleep (200 * 1000);
}

/* The second of 200 cases cannot be stored while the reader waits for room
 * ahead of it: the reader is let go, reads the rest only to check it, and
 * an unsound last case still wins. */
static void
test_import_files_store_error_early (Fixture       *f,
                                     gconstpointer  data)
{
  import_base (f);

  for (guint unsound = 0; unsound < 2; unsound++)
    {
      g_autofree char *doc = many_cases (200, unsound);
      g_autofree char *path = NULL;
      g_autofree char *before = snapshot (f->store);
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
      g_autoptr(GError) error = NULL;
      char *second_entry = strstr (doc, "00000002-0001-4000-8000-000000000001");

      g_assert_nonnull (second_entry);
      memcpy (second_entry, ENTRY_1, strlen (ENTRY_1));
      path = cw_test_write_file (f->dir, "early.xml", doc);
      g_ptr_array_add (files, g_file_new_for_path (path));

      g_assert_false (cw_store_import_files (f->store, files, FALSE, summary, NULL,
                                             slow_first_progress, NULL, &error));
      g_test_message ("%s", error->message);
      if (unsound)
        {
          g_assert_true (error->domain == CW_CASEFILE_ERROR);
          g_assert_nonnull (strstr (error->message, "early.xml:"));
        }
      else
        {
          g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "Case number 2"));
        }

      after = snapshot (f->store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A database that cannot be written: a refused document is still told as
 * such, and only a sound one fails on the database. */
static void
test_import_files_read_only (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *newer = NULL;
  g_autofree char *good_doc = many_cases (3, FALSE);
  g_autofree char *bad_doc = many_cases (3, TRUE);
  g_autofree char *good = cw_test_write_file (f->dir, "good.xml", good_doc);
  g_autofree char *bad = cw_test_write_file (f->dir, "bad.xml", bad_doc);
  g_autoptr(CwStore) store = cw_test_open_store (f->dir, "newer.db");
  g_autoptr(GError) error = NULL;

  newer = g_strdup (cw_store_get_path (store));
  g_clear_object (&store);
  cw_test_set_schema_version (newer, CW_STORE_SCHEMA_VERSION + 1);
  store = cw_store_open (newer, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_get_read_only (store));

  {
    g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

    g_assert_false (import_paths (store, good, bad, FALSE, summary, NULL, &error));
    g_assert_true (error->domain == CW_CASEFILE_ERROR);
    g_assert_nonnull (strstr (error->message, "bad.xml:"));
    g_clear_error (&error);
  }
  {
    g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

    g_assert_false (import_paths (store, good, NULL, FALSE, summary, NULL, &error));
    g_assert_true (error->domain == CW_STORE_ERROR);
    g_clear_error (&error);
  }
}

/* The progress callback is told after each case, with the total: 0 when
 * cases are stored as they are read, as the total is not known yet. */
typedef struct {
  guint calls;
  guint total;
} ProgressCount;

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  ProgressCount *count = user_data;

  count->calls += 1;
  g_assert_cmpuint (done, ==, count->calls);
  g_assert_cmpuint (total, ==, count->total);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  const char *doc = DOC_START MINIMAL_CASE (CASE_A, "One") MINIMAL_CASE (CASE_B, "Two")
                    MINIMAL_CASE (CASE_C, "Three") DOC_END;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = read_string (doc, "three.xml", &error);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new ();
  ProgressCount count = { 0, 3 };

  g_assert_no_error (error);
  g_ptr_array_add (casefiles, casefile);
  g_assert_true (cw_store_import_casefiles (f->store, casefiles, FALSE, summary,
                                            count_progress, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.calls, ==, 3);
}

static void
test_import_files_progress (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *doc = many_cases (25, FALSE);
  g_autofree char *path = cw_test_write_file (f->dir, "progress.xml", doc);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;
  ProgressCount count = { 0, 0 };

  g_ptr_array_add (files, g_file_new_for_path (path));
  g_assert_true (cw_store_import_files (f->store, files, FALSE, summary, NULL,
                                        count_progress, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.calls, ==, 25);
}

/* A public copy from before an entry was marked private must not make it
 * public again: it would then leave the group in the next public export. */
static void
test_merge_public_keeps_entry_private (Fixture       *f,
                                       gconstpointer  data)
{
  const char *full =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<casefile xmlns=\"http://example.org/ns/casework/casefile/1\" version=\"1.0\">\n"
    "  <case id=\"11111111-2222-4333-8444-555555555555\">\n"
    "    <title>Private entry case</title>\n"
    "    <country code=\"XX\">Example</country>\n"
    "    <summary>Summary.</summary>\n"
    "    <entry id=\"11111111-2222-4333-8444-666666666666\" date=\"2025-05-01\" private=\"true\">\n"
    "      <title>Met her brother</title>\n"
    "      <notes>He lives at 12 Hidden Street.</notes>\n"
    "    </entry>\n"
    "  </case>\n"
    "</casefile>\n";
  const char *old_public =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<casefile xmlns=\"http://example.org/ns/casework/casefile/1\" version=\"1.0\" scope=\"public\">\n"
    "  <case id=\"11111111-2222-4333-8444-555555555555\">\n"
    "    <title>Private entry case</title>\n"
    "    <country code=\"XX\">Example</country>\n"
    "    <summary>Summary.</summary>\n"
    "    <entry id=\"11111111-2222-4333-8444-666666666666\" date=\"2025-05-01\">\n"
    "      <title>Met her brother</title>\n"
    "      <notes>He lives at 12 Hidden Street.</notes>\n"
    "    </entry>\n"
    "  </case>\n"
    "</casefile>\n";
  g_autoptr(CwImportSummary) first = NULL;
  g_autoptr(CwImportSummary) second = NULL;
  g_autoptr(CwEntry) entry = NULL;
  g_autofree char *exported = NULL;

  first = import_string (f->store, full, "full.xml");
  second = import_string (f->store, old_public, "public.xml");
  g_assert_cmpuint (second->entries_updated, ==, 0);

  entry = cw_store_load_entry (f->store, "11111111-2222-4333-8444-666666666666", NULL);
  g_assert_nonnull (entry);
  g_assert_true (cw_entry_get_private (entry));

  exported = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  g_assert_null (strstr (exported, "Hidden Street"));
}

/* A document of more than 65,535 lines (a holder's whole timeline) with
 * @bad, an entry or an element of its own, on line @line; the entries
 * before it are padding, three lines each. */
static char *
long_document (const char *bad,
               guint       line)
{
  GString *xml = g_string_new (DOC_START
                               "  <case id=\"" CASE_A "\">\n"
                               "    <title>Jane Doe</title>\n"
                               "    <country code=\"XX\">Example Country</country>\n"
                               "    <summary>What happened.</summary>\n");
  guint at = 7;

  for (guint i = 0; at + 3 <= line; i++, at += 3)
    g_string_append_printf (xml, "    <entry id=\"00000000-0000-4000-8000-%012x\" date=\"2025\">\n"
                                 "      <title>Letters</title>\n"
                                 "    </entry>\n", i);
  g_assert_cmpuint (at, ==, line);
  g_string_append (xml, bad);
  g_string_append (xml, "  </case>\n" DOC_END);
  return g_string_free (xml, FALSE);
}

/* Messages name the line, past the 65,535 libxml2 keeps by itself too. */
static void
test_refused_past_line_65535 (void)
{
  g_autofree char *bad_date = long_document (
    "    <entry id=\"11111111-0000-4000-8000-000000000000\" date=\"2025-02-30\">\n"
    "      <title>Letters</title>\n"
    "    </entry>\n", 70000);
  g_autofree char *empty_bad = long_document (
    "    <entry id=\"11111111-0000-4000-8000-000000000000\" date=\"2025-02-30\"/>\n", 70000);
  g_autofree char *unknown = long_document ("    <weather>sunny</weather>\n", 80002);
  g_autoptr(CwCasefile) read = NULL;
  g_autoptr(GError) error = NULL;

  read = read_string (bad_date, "long.xml", &error);
  g_assert_null (read);
  g_assert_true (g_str_has_prefix (error->message, "long.xml:70000: the date 2025-02-30"));
  g_clear_error (&error);

  read = read_string (empty_bad, "long.xml", &error);
  g_assert_null (read);
  g_assert_true (g_str_has_prefix (error->message, "long.xml:70000: "));
  g_clear_error (&error);

  read = read_string (unknown, "long.xml", &error);
  g_assert_null (read);
  if (!g_str_has_prefix (error->message, "long.xml:80002: "))
    g_error ("“%s” should be about line 80002", error->message);
}

/* A byte-order mark before the text, as some editors write UTF-8: read
 * from memory and from a file alike. */
static void
test_read_byte_order_mark (void)
{
  const char *xml = "\xef\xbb\xbf" DOC_START MINIMAL_CASE (CASE_A, "Jane Doe") DOC_END;
  g_autoptr(CwCasefile) read = NULL;
  g_autoptr(CwCasefile) from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-bom-XXXXXX");
  g_autofree char *path = cw_test_write_file (dir, "bom.xml", xml);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  read = read_string (xml, "bom.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->cases->len, ==, 1);

  from_file = cw_casefile_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_file->cases->len, ==, 1);
}

/* Thousands of ignored elements make a hundred warnings and one that says
 * there was more, and the case still reads. */
static void
test_many_ignored (void)
{
  GString *doc = g_string_new (XML_DECL
                               "<casefile xmlns=\"" NS "\" xmlns:x=\"http://example.org/other\""
                               " version=\"1.0\">\n"
                               "  <case id=\"" CASE_A "\">\n"
                               "    <title>Jane Doe</title>\n");
  g_autoptr(CwCasefile) casefile = NULL;
  g_autoptr(GError) error = NULL;
  const char *last;

  for (guint i = 0; i < 5000; i++)
    g_string_append (doc, "    <x:mark>noted</x:mark>\n");
  g_string_append (doc, "    <country code=\"XX\">Example Country</country>\n"
                        "    <summary>What happened.</summary>\n"
                        "  </case>\n" DOC_END);

  casefile = read_string (doc->str, "marks.xml", &error);
  g_string_free (doc, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (casefile->cases->len, ==, 1);
  g_assert_cmpuint (casefile->warnings->len, ==, 101);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (casefile->warnings, 0),
                                   "marks.xml:5: <mark> is from another vocabulary"));
  last = g_ptr_array_index (casefile->warnings, 100);
  if (strstr (last, "only the first 100 are listed") == NULL)
    g_error ("the last warning, “%s”, should say there was more", last);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *every = NULL;
  g_autofree char *long_term = NULL;
  g_autofree char *urgent = NULL;
  g_autofree char *empty_text = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  every = cw_test_casefile_path ("every-element.xml");
  long_term = cw_test_sample_path ("long-term-case.xml");
  urgent = cw_test_sample_path ("urgent-action.xml");
  empty_text = cw_test_casefile_path ("empty-optional-text.xml");

#define ADD(path, func, data) \
  g_test_add ("/casefile-reader/" path, Fixture, data, cw_test_store_fixture_setup, func, \
              cw_test_store_fixture_teardown)

  ADD ("round-trip/every-element", test_round_trip, every);
  ADD ("round-trip/long-term-case", test_round_trip, long_term);
  ADD ("round-trip/urgent-action", test_round_trip, urgent);
  ADD ("round-trip/empty-optional-text", test_round_trip, empty_text);
  ADD ("round-trip/together", test_round_trip_together, NULL);
  ADD ("import/every-element-fields", test_every_element_fields, NULL);
  g_test_add_func ("/casefile-reader/read/every-element", test_every_element_read);
  g_test_add_func ("/casefile-reader/read/byte-order-mark", test_read_byte_order_mark);
  g_test_add_func ("/casefile-reader/read/many-ignored", test_many_ignored);

  ADD ("merge/present-replaces", test_merge_present_replaces, NULL);
  ADD ("merge/absent-keeps", test_merge_absent_keeps, NULL);
  ADD ("merge/list-present-replaces", test_merge_list_replaces, NULL);
  ADD ("merge/list-absent-keeps", test_merge_list_absent_keeps, NULL);
  ADD ("merge/entries-by-id", test_merge_entries, NULL);
  ADD ("merge/entry-absent-keeps", test_merge_entry_absent_keeps, NULL);
  ADD ("merge/same-people", test_merge_same_people, NULL);
  ADD ("merge/public-keeps-private", test_merge_public_keeps_private, NULL);
  ADD ("merge/public-export-back", test_merge_public_export_back, NULL);
  ADD ("merge/all-or-nothing", test_merge_all_or_nothing, NULL);
  ADD ("merge/dry-run", test_merge_dry_run, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strconcat ("/casefile-reader/refused/", refusals[i].path, NULL);

      g_test_add (path, Fixture, &refusals[i], cw_test_store_fixture_setup, test_refused,
                  cw_test_store_fixture_teardown);
    }
  ADD ("refused/large-file", test_refused_large_file, NULL);
  ADD ("refused/endless-pipe", test_refused_endless_pipe, NULL);
  ADD ("read/utf8-across-pieces", test_utf8_across_pieces, NULL);
  ADD ("read/patterns-accepted", test_patterns_accepted, NULL);
  g_test_add_func ("/casefile-reader/refused/size-cap-boundary", test_size_cap_boundary);
  g_test_add_func ("/casefile-reader/refused/past-line-65535", test_refused_past_line_65535);

  ADD ("version/newer-minor", test_newer_minor_version, NULL);
  ADD ("version/unknown-in-1.0", test_unknown_in_1_0, NULL);
  ADD ("version/foreign-namespace", test_foreign_namespace, NULL);

  ADD ("import/progress", test_progress, NULL);
  ADD ("import/ten-thousand-cases", test_ten_thousand_cases, NULL);
  ADD ("import-files/as-read-first", test_import_files_as_read_first, NULL);
  ADD ("import-files/dry-run", test_import_files_dry_run, NULL);
  ADD ("import-files/unsound-late", test_import_files_unsound_late, NULL);
  ADD ("import-files/store-error", test_import_files_store_error, NULL);
  ADD ("import-files/store-error-early", test_import_files_store_error_early, NULL);
  ADD ("import-files/read-only", test_import_files_read_only, NULL);
  ADD ("import-files/progress", test_import_files_progress, NULL);

#undef ADD

  g_test_add ("/casefile-reader/merge/public-keeps-entry-private", Fixture, NULL,
              cw_test_store_fixture_setup, test_merge_public_keeps_entry_private,
              cw_test_store_fixture_teardown);

  return g_test_run ();
}
