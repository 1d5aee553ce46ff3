/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlwriter.h>

#include "cw-casefile-writer.h"
#include "cw-test-utils.h"

/*
 * The casefile writer: documents that follow the format (checked against
 * data/casefile.rng), the same bytes for the same data, public scope that
 * keeps back what must not leave the group, cases the format cannot carry
 * refused, and every write error reported.
 *
 * Cases are built through the store, as the application builds them, and
 * exported to memory. Each test has its own temporary directory.
 */

#define CASE_FULL  "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"
#define CASE_JANE  "0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d"
#define CASE_ONE   "11111111-1111-4111-8111-111111111111"
#define CASE_TWO   "22222222-2222-4222-8222-222222222222"
#define CASE_THREE "33333333-3333-4333-8333-333333333333"
#define CASE_NONE  "99999999-9999-4999-8999-999999999999"

typedef CwTestStoreFixture Fixture;

/* ------------------------------------------------------------------ */
/* Building cases */

static CwCase *
new_case (const char *id,
          const char *title,
          const char *country_code)
{
  CwCase *kase = cw_case_new ();

  cw_case_set_id (kase, id);
  cw_case_set_has_details (kase, TRUE);
  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, country_code);
  cw_case_set_country_name (kase, country_code != NULL ? "Example Country" : NULL);
  cw_case_set_summary (kase, "What happened.");
  return kase;
}

static void
save_case (Fixture *f,
           CwCase  *kase)
{
  g_autoptr(GError) error = NULL;

  cw_store_save_case (f->store, kase, &error);
  g_assert_no_error (error);
}

static void
save_simple_case (Fixture    *f,
                  const char *id,
                  const char *title)
{
  g_autoptr(CwCase) kase = new_case (id, title, "XX");

  save_case (f, kase);
}

static void
save_entry (Fixture         *f,
            const char      *case_id,
            const char      *id,
            const char      *date,
            CwEntryCategory  category,
            const char      *kind,
            gint64           count,
            gboolean         is_private,
            const char      *title,
            const char      *notes)
{
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autoptr(GError) error = NULL;

  cw_entry_set_id (entry, id);
  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, date);
  cw_entry_set_category (entry, category);
  cw_entry_set_kind (entry, kind);
  cw_entry_set_count (entry, count);
  cw_entry_set_private (entry, is_private);
  cw_entry_set_title (entry, title);
  cw_entry_set_notes (entry, notes);
  cw_store_save_entry (f->store, entry, &error);
  g_assert_no_error (error);
}

static GStrv
strv (const char *first,
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
full_contact (const char *name,
              const char *prefix,
              const char *email)
{
  CwContact *contact = cw_contact_new (name);

  contact->role = g_strconcat (prefix, "-ROLE", NULL);
  contact->organisation = g_strconcat (prefix, "-ORG", NULL);
  contact->email = g_strdup (email);
  contact->phone = g_strconcat (prefix, "-PHONE", NULL);
  contact->address = g_new0 (char *, 2);
  contact->address[0] = g_strconcat (prefix, "-LINE-1", NULL);
  contact->notes = g_strconcat (prefix, "-NOTES", NULL);
  return contact;
}

static void
add_people (CwCase *kase)
{
  CwPerson *subject = cw_person_new ();
  CwPerson *brother = cw_person_new ();

  subject->role = g_strdup ("subject");
  subject->name = g_strdup ("Marisol Quintero Vargas");
  subject->other_names = g_strdup ("La Profe");
  subject->pronouns = g_strdup ("she/her");
  subject->gender = g_strdup ("female");
  subject->born = g_strdup ("1981");
  subject->occupation = g_strdup ("community leader");
  subject->notes = g_strdup ("Leads the farming community.");
  g_ptr_array_add (cw_case_get_people (kase), subject);

  brother->role = g_strdup ("family");
  brother->name = g_strdup ("Tomás Quintero");
  brother->notes = g_strdup ("Her brother; he receives solidarity mail for her.");
  g_ptr_array_add (cw_case_get_people (kase), brother);
}

static void
add_detention (CwCase *kase)
{
  CwDetention *detention = cw_detention_new ();

  detention->place = g_strdup ("La Picota prison, Bogotá");
  detention->arrested = g_strdup ("2025-03");
  detention->charges = g_strdup ("Rebellion");
  detention->sentence = g_strdup ("None yet");
  detention->health = g_strdup ("Needs medication for asthma");
  detention->legal_access = g_strdup ("restricted");
  detention->legal_access_note = g_strdup ("one visit only");
  detention->family_access = g_strdup ("no");
  cw_case_set_detention (kase, detention);
}

static void
add_contacts (CwCase *kase)
{
  CwContact *ruth = full_contact ("Priya Shah", "HOLDER", "priya@example.org");
  CwContact *daniel = cw_contact_new ("Daniel Osei");

  cw_case_set_coordinator (kase, full_contact ("Alex Morgan", "COORD", "coord@example.org"));

  ruth->from = g_strdup ("2025-03");
  ruth->to = g_strdup ("2025-12-31");
  g_ptr_array_add (cw_case_get_holders (kase), ruth);

  daniel->from = g_strdup ("2026");
  g_ptr_array_add (cw_case_get_holders (kase), daniel);
}

static void
add_targets (CwCase *kase)
{
  CwTarget *minister = cw_target_new ();
  CwTarget *embassy = cw_target_new ();

  minister->role = g_strdup ("appeal");
  minister->language = g_strdup ("es");
  minister->title = g_strdup ("Fiscal General de la Nación");
  minister->name = g_strdup ("Sr. Fiscal General");
  minister->organisation = g_strdup ("Fiscalía General de la Nación");
  minister->address = strv ("Avenida Ejemplo No. 1-23", "Bogotá D.C.", "Colombia", NULL);
  minister->email = g_strdup ("contacto@example.org");
  minister->salutation = g_strdup ("Estimado Señor Fiscal General");
  g_ptr_array_add (cw_case_get_targets (kase), minister);

  /* Only what a target must have. */
  embassy->address = strv ("7 Sample Crescent", NULL);
  embassy->salutation = g_strdup ("Your Excellency");
  g_ptr_array_add (cw_case_get_targets (kase), embassy);
}

/* A case that uses every field of the format. */
static void
save_full_case (Fixture *f)
{
  g_autoptr(CwCase) kase = new_case (CASE_FULL, "Marisol Quintero Vargas & others", "CO");

  cw_case_set_kind (kase, CW_CASE_KIND_GROUP);
  cw_case_set_case_type (kase, CW_CASE_TYPE_URGENT_ACTION);
  cw_case_set_status (kase, CW_CASE_STATUS_CLOSED);
  cw_case_set_modified (kase, "2026-01-15T12:00:00Z");
  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new ("ai-index", "AMR 23/4512/2025"));
  g_ptr_array_add (cw_case_get_references (kase), cw_reference_new (NULL, "Group file 7"));
  cw_case_set_ua_number (kase, "UA 53/25");
  cw_case_set_ua_issued (kase, "2025-03-01");
  cw_case_set_ua_deadline (kase, "2025-04-12");
  cw_case_set_ua_sequence (kase, 2);
  cw_case_set_country_name (kase, "Colombia");
  cw_case_set_region (kase, "americas");
  g_ptr_array_add (cw_case_get_themes (kase), g_strdup ("human-rights-defender"));
  g_ptr_array_add (cw_case_get_themes (kase), g_strdup ("land-rights"));
  cw_case_set_opened (kase, "2025-03");
  cw_case_set_closed (kase, "2026-01-20");
  cw_case_set_closed_outcome (kase, "released");
  add_people (kase);
  add_detention (kase);
  cw_case_set_summary (kase, "She was threatened for defending \"land\" <rights> & more.\n\n"
                             "The authorities have not investigated.");
  cw_case_set_background (kase, "Colombia is dangerous for land defenders.");
  cw_case_set_public_action (kase, "restricted");
  cw_case_set_solidarity (kase, "allowed");
  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("SAFETY-NOTE-ONE"));
  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("SAFETY-NOTE-TWO"));
  add_contacts (kase);
  add_targets (kase);
  g_ptr_array_add (cw_case_get_recommended_actions (kase), g_strdup ("Write to the Attorney General."));
  g_ptr_array_add (cw_case_get_recommended_actions (kase), g_strdup ("Send solidarity cards."));
  g_ptr_array_add (cw_case_get_model_letters (kase), cw_model_letter_new ("es", "Le escribo.\n\nAtentamente."));
  g_ptr_array_add (cw_case_get_model_letters (kase), cw_model_letter_new ("en", "I am writing."));
  save_case (f, kase);

  save_entry (f, CASE_FULL, "a3e1f0c2-1111-4c1a-9b2a-000000000006", "2025-05-19",
              CW_ENTRY_CATEGORY_ACTIVITY, "media", CW_ENTRY_NO_COUNT, TRUE,
              "PRIVATE-ENTRY-TITLE", "PRIVATE-ENTRY-NOTES");
  save_entry (f, CASE_FULL, "a3e1f0c2-1111-4c1a-9b2a-000000000003", "2025-04-10",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 14, FALSE,
              "Appeal letters", "Eight to the Attorney General.");
  save_entry (f, CASE_FULL, "a3e1f0c2-1111-4c1a-9b2a-000000000001", "2025",
              CW_ENTRY_CATEGORY_OUTCOME, "other", CW_ENTRY_NO_COUNT, FALSE,
              "Threats reported", NULL);
  save_entry (f, CASE_FULL, "a3e1f0c2-1111-4c1a-9b2a-000000000004", "2025-04-11",
              CW_ENTRY_CATEGORY_UPDATE, "follow-up", 0, FALSE, "Follow-up issued", NULL);
  save_entry (f, CASE_FULL, "a3e1f0c2-1111-4c1a-9b2a-000000000005", "2026-01-20",
              CW_ENTRY_CATEGORY_OUTCOME, "release", CW_ENTRY_NO_COUNT, FALSE, "Released", NULL);
}

/* ------------------------------------------------------------------ */
/* Exporting and checking */

static void
#if LIBXML_VERSION >= 21200
collect_error (void *data, const xmlError *error)
#else
collect_error (void *data, xmlErrorPtr error)
#endif
{
  g_string_append_printf (data, "line %d: %s", error->line, error->message);
}

static void
assert_valid (const char *xml)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "casefile.rng", NULL);
  g_autoptr(GString) errors = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGValidCtxtPtr validator;
  xmlRelaxNGPtr schema;
  xmlDocPtr doc;
  int rc;

  parser = xmlRelaxNGNewParserCtxt (path);
  g_assert_nonnull (parser);
  schema = xmlRelaxNGParse (parser);
  g_assert_nonnull (schema);
  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, collect_error, errors);

  doc = xmlReadMemory (xml, (int) strlen (xml), "export.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  rc = xmlRelaxNGValidateDoc (validator, doc);
  if (rc != 0)
    g_test_message ("%s\n%s", errors->str, xml);
  g_assert_cmpstr (errors->str, ==, "");
  g_assert_cmpint (rc, ==, 0);

  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

static void
assert_has (const char *xml,
            const char *text)
{
  if (strstr (xml, text) == NULL)
    g_error ("“%s” is missing from:\n%s", text, xml);
}

static void
assert_lacks (const char *xml,
              const char *text)
{
  if (strstr (xml, text) != NULL)
    g_error ("“%s” should not be in:\n%s", text, xml);
}

static guint
count_of (const char *xml,
          const char *text)
{
  guint n = 0;

  for (const char *p = strstr (xml, text); p != NULL; p = strstr (p + 1, text))
    n++;
  return n;
}

/* @first comes before @second, and both are there. */
static void
assert_before (const char *xml,
               const char *first,
               const char *second)
{
  const char *a = strstr (xml, first);
  const char *b = strstr (xml, second);

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a - xml, <, b - xml);
}

/* ------------------------------------------------------------------ */
/* Tests */

static void
test_every_field_validates (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *full = NULL;
  g_autofree char *public = NULL;

  save_full_case (f);

  full = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  assert_valid (full);
  public = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  assert_valid (public);

  /* What the format leaves to the writer's choice. */
  assert_has (full, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<casefile "
                    "xmlns=\"http://example.org/ns/casework/casefile/1\" version=\"1.0\" "
                    "exported=\"" CW_TEST_EXPORTED "\" generator=\"" CW_TEST_GENERATOR "\" "
                    "scope=\"full\">\n");
  assert_has (full, "<case id=\"" CASE_FULL "\" kind=\"group\" type=\"urgent-action\" "
                    "status=\"closed\" modified=\"2026-01-15T12:00:00Z\">");
  assert_has (full, "<urgent-action number=\"UA 53/25\" issued=\"2025-03-01\" "
                    "deadline=\"2025-04-12\" sequence=\"2\"/>");
  assert_has (full, "<country code=\"CO\">Colombia</country>");
  assert_has (full, "<closed outcome=\"released\">2026-01-20</closed>");
  assert_has (full, "<legal-access>restricted: one visit only</legal-access>");
  assert_has (full, "<family-access>no</family-access>");
  assert_has (full, "<reference>Group file 7</reference>");
  assert_has (full, "&lt;rights&gt; &amp; more.\n\nThe authorities");
  assert_has (full, "<address>\n        <line>COORD-LINE-1</line>\n      </address>");
  assert_has (full, "kind=\"letter\" count=\"14\">");
  assert_has (full, "kind=\"follow-up\" count=\"0\">");
  assert_has (full, "kind=\"media\" private=\"true\">");
  assert_lacks (full, "private=\"false\"");
  assert_has (full, "<model-letter language=\"es\">Le escribo.\n\nAtentamente.</model-letter>");
  g_assert_true (g_str_has_suffix (full, "  </case>\n</casefile>\n"));

  /* Elements in the format's order. */
  assert_before (full, "<title>Marisol", "<reference ");
  assert_before (full, "<reference ", "<urgent-action ");
  assert_before (full, "<urgent-action ", "<country ");
  assert_before (full, "<country ", "<region>");
  assert_before (full, "<region>", "<theme>");
  assert_before (full, "<theme>", "<opened>");
  assert_before (full, "<opened>", "<closed ");
  assert_before (full, "<closed ", "<person ");
  assert_before (full, "<person ", "<detention>");
  assert_before (full, "<detention>", "<summary>");
  assert_before (full, "<summary>", "<background>");
  assert_before (full, "<background>", "<safety ");
  assert_before (full, "<safety ", "<coordinator>");
  assert_before (full, "<coordinator>", "<holder ");
  assert_before (full, "<holder ", "<target ");
  assert_before (full, "<target ", "<recommended-action>");
  assert_before (full, "<recommended-action>", "<model-letter ");
  assert_before (full, "<model-letter ", "<entry ");
}

static const char golden[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<casefile xmlns=\"http://example.org/ns/casework/casefile/1\" version=\"1.0\""
  " exported=\"2025-01-01T00:00:00Z\" generator=\"casework-tests\" scope=\"full\">\n"
  "  <source>\n"
  "    <organisation>Group 123 &amp; friends</organisation>\n"
  "  </source>\n"
  "  <case id=\"0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d\" kind=\"individual\" type=\"long-term\""
  " status=\"active\" modified=\"2025-01-02T03:04:05Z\">\n"
  "    <title>Jane Doe</title>\n"
  "    <urgent-action number=\"UA 1/25\"/>\n"
  "    <country code=\"XX\">Example Country</country>\n"
  "    <theme>prisoner-of-conscience</theme>\n"
  "    <summary>Jane Doe, a teacher, was arrested.\n"
  "\n"
  "She is held without charge.</summary>\n"
  "    <safety solidarity=\"forbidden\"/>\n"
  "    <holder from=\"2025-01\">\n"
  "      <name>Sam Lee</name>\n"
  "    </holder>\n"
  "    <entry id=\"00000000-0000-4000-8000-000000000001\" date=\"2024-03-07\""
  " category=\"activity\" kind=\"letter\" count=\"3\">\n"
  "      <title>Letters written at the March meeting</title>\n"
  "    </entry>\n"
  "    <entry id=\"00000000-0000-4000-8000-000000000002\" date=\"2024-04\""
  " category=\"outcome\" kind=\"reply\" private=\"true\">\n"
  "      <title>A reply</title>\n"
  "      <notes>Polite, says nothing.</notes>\n"
  "    </entry>\n"
  "  </case>\n"
  "</casefile>\n";

static void
test_golden (Fixture       *f,
             gconstpointer  data)
{
  CwCasefileWriteOptions options = { CW_CASEFILE_SCOPE_FULL, CW_TEST_GENERATOR, CW_TEST_EXPORTED,
                                     "Group 123 & friends" };
  g_autoptr(CwCase) kase = new_case (CASE_JANE, "Jane Doe", "XX");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  CwContact *holder = cw_contact_new ("Sam Lee");

  cw_case_set_modified (kase, "2025-01-02T03:04:05Z");
  cw_case_set_ua_number (kase, "UA 1/25");
  g_ptr_array_add (cw_case_get_themes (kase), g_strdup ("prisoner-of-conscience"));
  cw_case_set_summary (kase, "Jane Doe, a teacher, was arrested.\n\nShe is held without charge.");
  cw_case_set_solidarity (kase, "forbidden");
  holder->from = g_strdup ("2025-01");
  g_ptr_array_add (cw_case_get_holders (kase), holder);
  save_case (f, kase);
  save_entry (f, CASE_JANE, "00000000-0000-4000-8000-000000000002", "2024-04",
              CW_ENTRY_CATEGORY_OUTCOME, "reply", CW_ENTRY_NO_COUNT, TRUE,
              "A reply", "Polite, says nothing.");
  save_entry (f, CASE_JANE, "00000000-0000-4000-8000-000000000001", "2024-03-07",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 3, FALSE,
              "Letters written at the March meeting", NULL);

  cw_store_export_casefile (f->store, NULL, &options, out, &error);
  g_assert_no_error (error);
  xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpstr (xml, ==, golden);
  assert_valid (xml);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;
  g_autoptr(GError) error = NULL;

  save_full_case (f);
  save_simple_case (f, CASE_TWO, "Two");

  first = cw_test_export (f->store, NULL, CW_CASEFILE_SCOPE_FULL, &first_len, &error);
  g_assert_no_error (error);
  second = cw_test_export (f->store, NULL, CW_CASEFILE_SCOPE_FULL, &second_len, &error);
  g_assert_no_error (error);

  g_assert_cmpmem (first, first_len, second, second_len);
}

static void
test_entries_sorted (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *xml = NULL;

  save_simple_case (f, CASE_ONE, "One");
  /* Saved in no particular order; two share a date. */
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-000000000003", "2025-02-01",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 1, FALSE, "C", NULL);
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-000000000005", "2024",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 1, FALSE, "E", NULL);
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-000000000001", "2025-02-01",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 1, FALSE, "A", NULL);
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-000000000002", "2024-11",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 1, FALSE, "B", NULL);
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-000000000004", "2024-11-03",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 1, FALSE, "D", NULL);

  xml = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  assert_before (xml, "<title>E</title>", "<title>B</title>");
  assert_before (xml, "<title>B</title>", "<title>D</title>");
  assert_before (xml, "<title>D</title>", "<title>A</title>");
  assert_before (xml, "<title>A</title>", "<title>C</title>");
  g_assert_cmpuint (count_of (xml, "<entry "), ==, 5);
}

static void
test_public_scope (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *xml = NULL;
  const char *left_out[] = {
    "SAFETY-NOTE", "<note>", "PRIVATE-ENTRY", "private=\"true\"",
    "HOLDER-ROLE", "HOLDER-ORG", "priya@example.org", "HOLDER-PHONE", "HOLDER-LINE",
    "HOLDER-NOTES", "coord@example.org", "COORD-PHONE",
  };
  const char *kept[] = {
    "<safety public-action=\"restricted\" solidarity=\"allowed\"/>",
    "<holder from=\"2025-03\" to=\"2025-12-31\">\n      <name>Priya Shah</name>\n    </holder>",
    "<holder from=\"2026\">\n      <name>Daniel Osei</name>\n    </holder>",
    "<name>Alex Morgan</name>", "COORD-ROLE", "COORD-ORG", "COORD-LINE-1", "COORD-NOTES",
    "scope=\"public\"", "Appeal letters", "Eight to the Attorney General.",
    "Leads the farming community.",
  };

  save_full_case (f);
  xml = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);

  for (guint i = 0; i < G_N_ELEMENTS (left_out); i++)
    assert_lacks (xml, left_out[i]);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    assert_has (xml, kept[i]);
  g_assert_cmpuint (count_of (xml, "<entry "), ==, 4);
  assert_valid (xml);
}

static void
test_public_scope_safety_notes_only (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(CwCase) kase = new_case (CASE_ONE, "One", "XX");
  g_autofree char *full = NULL;
  g_autofree char *public = NULL;

  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("SAFETY-NOTE-ONE"));
  save_case (f, kase);

  full = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  assert_has (full, "<safety>\n      <note>SAFETY-NOTE-ONE</note>\n    </safety>");

  /* Without the notes nothing is left to say. */
  public = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  assert_lacks (public, "safety");
  assert_lacks (public, "SAFETY-NOTE");
}

static void
test_full_scope (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *xml = NULL;
  const char *kept[] = {
    "<note>SAFETY-NOTE-ONE</note>", "<note>SAFETY-NOTE-TWO</note>",
    "<title>PRIVATE-ENTRY-TITLE</title>", "<notes>PRIVATE-ENTRY-NOTES</notes>",
    "<holder from=\"2025-03\" to=\"2025-12-31\">\n"
    "      <name>Priya Shah</name>\n"
    "      <role>HOLDER-ROLE</role>\n"
    "      <organisation>HOLDER-ORG</organisation>\n"
    "      <email>priya@example.org</email>\n"
    "      <phone>HOLDER-PHONE</phone>\n"
    "      <address>\n"
    "        <line>HOLDER-LINE-1</line>\n"
    "      </address>\n"
    "      <notes>HOLDER-NOTES</notes>\n"
    "    </holder>",
    "<email>coord@example.org</email>", "<phone>COORD-PHONE</phone>",
    "<target role=\"appeal\" language=\"es\">\n"
    "      <title>Fiscal General de la Nación</title>\n"
    "      <name>Sr. Fiscal General</name>\n"
    "      <organisation>Fiscalía General de la Nación</organisation>\n"
    "      <address>\n"
    "        <line>Avenida Ejemplo No. 1-23</line>\n"
    "        <line>Bogotá D.C.</line>\n"
    "        <line>Colombia</line>\n"
    "      </address>\n"
    "      <email>contacto@example.org</email>\n"
    "      <salutation>Estimado Señor Fiscal General</salutation>\n"
    "    </target>",
  };

  save_full_case (f);
  xml = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    assert_has (xml, kept[i]);
  g_assert_cmpuint (count_of (xml, "<entry "), ==, 5);
}

/* Each way a case can lack what the format needs. */
typedef enum {
  LACKS_COUNTRY,
  LACKS_HOLDER_FROM,
  LACKS_TARGET_ADDRESS,
  LACKS_TARGET_SALUTATION,
  LACKS_PERSON_NAME,
  LACKS_CLOSED_OUTCOME,
} Lack;

static void
save_incomplete_case (Fixture *f,
                      Lack     lack)
{
  g_autoptr(CwCase) kase = new_case (CASE_TWO, "Case Without Enough",
                                     lack == LACKS_COUNTRY ? NULL : "XX");
  CwTarget *target;

  switch (lack)
    {
    case LACKS_HOLDER_FROM:
      g_ptr_array_add (cw_case_get_holders (kase), cw_contact_new ("Sam Lee"));
      break;
    case LACKS_TARGET_ADDRESS:
    case LACKS_TARGET_SALUTATION:
      target = cw_target_new ();
      target->name = g_strdup ("The Minister");
      if (lack == LACKS_TARGET_SALUTATION)
        target->address = strv ("1 Example Street", NULL);
      else
        target->salutation = g_strdup ("Dear Minister");
      g_ptr_array_add (cw_case_get_targets (kase), target);
      break;
    case LACKS_PERSON_NAME:
      g_ptr_array_add (cw_case_get_people (kase), cw_person_new ());
      break;
    case LACKS_CLOSED_OUTCOME:
      cw_case_set_status (kase, CW_CASE_STATUS_CLOSED);
      cw_case_set_closed (kase, "2025-06");
      break;
    case LACKS_COUNTRY:
    default:
      break;
    }

  save_case (f, kase);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  Lack lack = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  save_simple_case (f, CASE_ONE, "Fine");
  save_incomplete_case (f, lack);

  xml = cw_test_export (f->store, NULL, CW_CASEFILE_SCOPE_FULL, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Case Without Enough"));
}

/* A refused case leaves nothing behind; the writer goes on. */
static void
test_refused_leaves_no_trace (Fixture       *f,
                              gconstpointer  data)
{
  CwCasefileWriteOptions options = CW_TEST_WRITE_OPTIONS (CW_CASEFILE_SCOPE_FULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CwCasefileWriter) writer = NULL;
  g_autoptr(CwCase) fine = NULL;
  g_autoptr(CwCase) lacking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  save_simple_case (f, CASE_ONE, "Fine");
  save_incomplete_case (f, LACKS_HOLDER_FROM);
  fine = cw_store_load_case (f->store, CASE_ONE, &error);
  g_assert_no_error (error);
  lacking = cw_store_load_case (f->store, CASE_TWO, &error);
  g_assert_no_error (error);

  writer = cw_casefile_writer_new (out, &options, &error);
  g_assert_no_error (error);
  g_assert_false (cw_casefile_writer_add_case (writer, lacking, NULL, &error));
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (cw_casefile_writer_add_case (writer, fine, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cw_casefile_writer_finish (writer, &error));
  g_assert_no_error (error);

  xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  assert_lacks (xml, "Case Without Enough");
  g_assert_cmpuint (count_of (xml, "<case "), ==, 1);
  assert_valid (xml);
}

static void
test_export_some (Fixture       *f,
                  gconstpointer  data)
{
  const char *ids[] = { CASE_THREE, CASE_ONE, CASE_THREE, NULL };
  g_autofree char *xml = NULL;
  g_autofree char *all = NULL;

  save_simple_case (f, CASE_THREE, "Three");
  save_simple_case (f, CASE_ONE, "One");
  save_simple_case (f, CASE_TWO, "Two");

  /* In id order, each once, and only those asked for. */
  xml = cw_test_export_ok (f->store, ids, CW_CASEFILE_SCOPE_FULL);
  g_assert_cmpuint (count_of (xml, "<case "), ==, 2);
  assert_before (xml, CASE_ONE, CASE_THREE);
  assert_lacks (xml, CASE_TWO);
  assert_valid (xml);

  all = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);
  g_assert_cmpuint (count_of (all, "<case "), ==, 3);
  assert_before (all, CASE_ONE, CASE_TWO);
  assert_before (all, CASE_TWO, CASE_THREE);
  assert_valid (all);
}

static void
test_export_unknown (Fixture       *f,
                     gconstpointer  data)
{
  const char *ids[] = { CASE_ONE, CASE_NONE, NULL };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  save_simple_case (f, CASE_ONE, "One");

  g_assert_false (cw_store_export_casefile (f->store, ids, NULL, out, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  /* Found out before anything was written. */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

/* A casefile bigger than Casework reads back is not written: the export
 * fails, says why, and leaves no file; one that fits is written whole. */
static void
test_export_too_large (Fixture       *f,
                       gconstpointer  data)
{
  CwCasefileWriteOptions small = { CW_CASEFILE_SCOPE_FULL, CW_TEST_GENERATOR, CW_TEST_EXPORTED,
                                   NULL, 600 };
  CwCasefileWriteOptions roomy = small;
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "all.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gsize size;

  save_simple_case (f, CASE_ONE, "One");
  save_simple_case (f, CASE_TWO, "Two");
  save_simple_case (f, CASE_THREE, "Three");

  g_assert_true (cw_store_export_casefile (f->store, NULL, NULL, out, &error));
  g_assert_no_error (error);
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpuint (size, >, small.max_bytes);

  g_assert_false (cw_store_export_casefile_to_file (f->store, NULL, &small, file, &error));
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "export fewer cases at a time"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  roomy.max_bytes = size;
  g_assert_true (cw_store_export_casefile_to_file (f->store, NULL, &roomy, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export_empty (Fixture       *f,
                   gconstpointer  data)
{
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_none = NULL;

  /* A casefile holds at least one case. */
  xml = cw_test_export (f->store, NULL, CW_CASEFILE_SCOPE_FULL, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE);
  g_clear_error (&error);

  save_simple_case (f, CASE_ONE, "One");
  xml_none = cw_test_export (f->store, none, CW_CASEFILE_SCOPE_FULL, NULL, &error);
  g_assert_null (xml_none);
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE);
}

static void
assert_write_fails (Fixture *f,
                    gsize    size)
{
  CwCasefileWriteOptions options = CW_TEST_WRITE_OPTIONS (CW_CASEFILE_SCOPE_FULL);
  g_autofree char *buffer = g_malloc (size);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (buffer, size, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cw_store_export_casefile (f->store, NULL, &options, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  CwCasefileWriteOptions options = CW_TEST_WRITE_OPTIONS (CW_CASEFILE_SCOPE_FULL);
  g_autofree char *xml = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  save_full_case (f);
  save_simple_case (f, CASE_TWO, "Two");
  xml = cw_test_export (f->store, NULL, CW_CASEFILE_SCOPE_FULL, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 1000);

  /* Whether the disk fills up in the prologue, in a case, or in the very
   * last byte, the export fails. */
  assert_write_fails (f, 16);
  assert_write_fails (f, len / 3);
  assert_write_fails (f, len - 1);

  /* Exactly enough room is enough. */
  buffer = g_malloc (len);
  out = g_memory_output_stream_new (buffer, len, NULL, NULL);
  g_assert_true (cw_store_export_casefile (f->store, NULL, &options, out, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (buffer, len, xml, len);
}

/* Once the stream has failed, everything after fails the same way. */
static void
test_write_error_sticks (Fixture       *f,
                         gconstpointer  data)
{
  CwCasefileWriteOptions options = CW_TEST_WRITE_OPTIONS (CW_CASEFILE_SCOPE_FULL);
  char buffer[300];
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (buffer, sizeof buffer, NULL, NULL);
  g_autoptr(CwCasefileWriter) writer = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  save_full_case (f);
  kase = cw_store_load_case (f->store, CASE_FULL, &error);
  g_assert_no_error (error);

  writer = cw_casefile_writer_new (out, &options, &error);
  g_assert_no_error (error);
  g_assert_false (cw_casefile_writer_add_case (writer, kase, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (cw_casefile_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_writer_defaults (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CwCasefileWriter) writer = NULL;
  g_autoptr(CwCase) kase = new_case (CASE_ONE, "One", "XX");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  const char *exported;

  writer = cw_casefile_writer_new (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cw_casefile_writer_add_case (writer, kase, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cw_casefile_writer_finish (writer, &error));
  g_assert_no_error (error);

  xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  assert_has (xml, " generator=\"Casework " PACKAGE_VERSION "\" scope=\"full\">");
  exported = strstr (xml, "exported=\"");
  g_assert_nonnull (exported);
  g_assert_cmpint (exported[10 + 20], ==, '"');
  {
    g_autofree char *timestamp = g_strndup (exported + 10, 20);

    g_assert_true (cw_timestamp_is_valid (timestamp));
  }
  assert_valid (xml);
}

static void
test_writer_no_case (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CwCasefileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  writer = cw_casefile_writer_new (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cw_casefile_writer_finish (writer, &error));
  g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE);
}

/* Text XML cannot carry is refused, not written into a broken document. */
static void
test_writer_bad_text (Fixture       *f,
                      gconstpointer  data)
{
  const char *bad[] = { "bell \a here", "form\ffeed", "bad \xff utf-8" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(CwCasefileWriter) writer = NULL;
      g_autoptr(CwCase) kase = new_case (CASE_ONE, "Bad Text", "XX");
      g_autoptr(GError) error = NULL;

      cw_case_set_background (kase, bad[i]);
      writer = cw_casefile_writer_new (out, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (cw_casefile_writer_add_case (writer, kase, NULL, &error));
      g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_VALUE);
      g_assert_nonnull (strstr (error->message, "Bad Text"));
      g_clear_error (&error);
      g_assert_false (cw_casefile_writer_finish (writer, &error));
      g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_VALUE);
    }
}

/* ------------------------------------------------------------------ */
/* The timeline, written by the writer itself rather than by libxml2 */

/* Text that needs every kind of escaping, and some that needs none. */
#define TRICKY_TEXT "Tom & Jerry <said> \"hi\", 'bye'\ttab\r\nnew line ]]> é € 😀"

static int
compare_id_pointers (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The same cases as cw_store_export_casefile(), written with
 * cw_casefile_writer_add_case() from CwCase and CwEntry objects. */
static char *
export_with_add_case (Fixture         *f,
                      CwCasefileScope  scope,
                      gsize           *len)
{
  CwCasefileWriteOptions options = CW_TEST_WRITE_OPTIONS (scope);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);
  g_autoptr(CwCasefileWriter) writer = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  cases = cw_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (ids, (gpointer) cw_case_get_id (g_ptr_array_index (cases, i)));
  g_ptr_array_sort (ids, compare_id_pointers);

  writer = cw_casefile_writer_new (out, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CwCase) kase = cw_store_load_case (f->store, g_ptr_array_index (ids, i), &error);
      g_autoptr(GPtrArray) entries = NULL;

      g_assert_no_error (error);
      entries = cw_store_list_entries (f->store, g_ptr_array_index (ids, i), &error);
      g_assert_no_error (error);
      g_assert_true (cw_casefile_writer_add_case (writer, kase, entries, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cw_casefile_writer_finish (writer, &error));
  g_assert_no_error (error);

  *len = g_memory_output_stream_get_data_size (mem);
  return g_strndup (g_memory_output_stream_get_data (mem), *len);
}

/* An export streams each timeline from the database as rows; the public
 * writer takes CwEntry objects. Both give the same bytes. */
static void
test_rows_same_as_add_case (Fixture       *f,
                            gconstpointer  data)
{
  const CwCasefileScope scopes[] = { CW_CASEFILE_SCOPE_FULL, CW_CASEFILE_SCOPE_PUBLIC };

  save_full_case (f);
  save_simple_case (f, CASE_ONE, "One");
  /* Two on one day, saved in the other order; a year; a month. */
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-00000000000b", "2024-11-03",
              CW_ENTRY_CATEGORY_UPDATE, NULL, 0, FALSE, TRICKY_TEXT, "");
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-00000000000a", "2024-11-03",
              CW_ENTRY_CATEGORY_OUTCOME, "reply", 1234567890123, TRUE, "Private reply",
              TRICKY_TEXT);
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-00000000000c", "2024",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", CW_ENTRY_NO_COUNT, FALSE, "A year", NULL);
  save_entry (f, CASE_ONE, "00000000-0000-4000-8000-00000000000d", "2024-11",
              CW_ENTRY_CATEGORY_ACTIVITY, "letter", 7, TRUE, "A month", "Kept back.");
  /* A case with no timeline. */
  save_simple_case (f, CASE_TWO, "Two");

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *streamed = NULL;
      g_autofree char *added = NULL;
      gsize streamed_len = 0, added_len = 0;

      streamed = cw_test_export (f->store, NULL, scopes[i], &streamed_len, &error);
      g_assert_no_error (error);
      added = export_with_add_case (f, scopes[i], &added_len);
      g_assert_cmpstr (streamed, ==, added);
      g_assert_cmpmem (streamed, streamed_len, added, added_len);
      assert_valid (streamed);

      assert_before (streamed, "<title>A year</title>", "<notes></notes>");
      if (scopes[i] == CW_CASEFILE_SCOPE_FULL)
        {
          g_assert_cmpuint (count_of (streamed, "<entry "), ==, 9);
          assert_before (streamed, "<title>A year</title>", "<title>A month</title>");
          assert_before (streamed, "<title>A month</title>", "<title>Private reply</title>");
          assert_before (streamed, "<title>Private reply</title>", "<notes></notes>");
          assert_has (streamed, "count=\"1234567890123\" private=\"true\">");
        }
      else
        {
          g_assert_cmpuint (count_of (streamed, "<entry "), ==, 6);
          assert_lacks (streamed, "Private reply");
          assert_lacks (streamed, "Kept back.");
          assert_lacks (streamed, "private=\"true\"");
        }
    }
}

/* The writer writes entries as libxml2's writer would have, byte for
 * byte: the same indentation and the same escaping, in attribute values
 * and in element text. */
static char *
entry_by_libxml (const char *id,
                 const char *kind,
                 const char *title,
                 const char *notes)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr xml = xmlNewTextWriterMemory (buffer, 0);
  const char *start;
  char *entry;

  xmlTextWriterSetIndent (xml, 1);
  xmlTextWriterSetIndentString (xml, BAD_CAST "  ");
  xmlTextWriterStartDocument (xml, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (xml, BAD_CAST "casefile");
  xmlTextWriterStartElement (xml, BAD_CAST "case");
  xmlTextWriterWriteElement (xml, BAD_CAST "summary", BAD_CAST "What happened.");
  xmlTextWriterStartElement (xml, BAD_CAST "entry");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "id", BAD_CAST id);
  xmlTextWriterWriteAttribute (xml, BAD_CAST "date", BAD_CAST "2025-01-02");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "category", BAD_CAST "activity");
  xmlTextWriterWriteAttribute (xml, BAD_CAST "kind", BAD_CAST kind);
  xmlTextWriterWriteElement (xml, BAD_CAST "title", BAD_CAST title);
  xmlTextWriterWriteElement (xml, BAD_CAST "notes", BAD_CAST notes);
  xmlTextWriterEndElement (xml);
  xmlTextWriterEndDocument (xml);
  xmlFreeTextWriter (xml);

  start = strstr ((const char *) xmlBufferContent (buffer), "    <entry ");
  g_assert_nonnull (start);
  entry = g_strndup (start, strstr (start, "</entry>\n") + strlen ("</entry>\n") - start);
  xmlBufferFree (buffer);
  return entry;
}

static void
test_rows_escaped_as_libxml (Fixture       *f,
                             gconstpointer  data)
{
  /* The store would refuse such an id or kind; the writer takes them. */
  const char *texts[] = {
    TRICKY_TEXT, "plain", "", "&amp;", "\r\r\n\t\t", "<", ">", "\"", "'", "é", "a\tb\nc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(CwCasefileWriter) writer = NULL;
      g_autoptr(CwCase) kase = new_case (CASE_ONE, "One", "XX");
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strconcat ("id ", texts[i], NULL);
      g_autofree char *kind = g_strconcat ("kind ", texts[i], NULL);
      g_autofree char *expected = entry_by_libxml (id, kind, texts[i], texts[i]);
      g_autofree char *xml = NULL;
      CwEntry *entry = cw_entry_new ();

      cw_entry_set_id (entry, id);
      cw_entry_set_date (entry, "2025-01-02");
      cw_entry_set_kind (entry, kind);
      cw_entry_set_title (entry, texts[i]);
      cw_entry_set_notes (entry, texts[i]);
      g_ptr_array_add (entries, entry);

      writer = cw_casefile_writer_new (out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (cw_casefile_writer_add_case (writer, kase, entries, &error));
      g_assert_no_error (error);
      g_assert_true (cw_casefile_writer_finish (writer, &error));
      g_assert_no_error (error);

      xml = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
      assert_has (xml, expected);
      g_assert_true (g_str_has_suffix (xml, "    </entry>\n  </case>\n</casefile>\n"));
    }
}

/* Text XML cannot carry is refused in a timeline entry too, in the
 * title, the notes or an attribute. */
static void
test_rows_bad_text (Fixture       *f,
                    gconstpointer  data)
{
  const char *bad[] = { "bell \a here", "form\ffeed", "bad \xff utf-8", "é then \x01",
                        "not a character \xef\xbf\xbe" };

  for (guint i = 0; i < G_N_ELEMENTS (bad) * 3; i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(CwCasefileWriter) writer = NULL;
      g_autoptr(CwCase) kase = new_case (CASE_ONE, "Bad Entry", "XX");
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      const char *text = bad[i / 3];
      CwEntry *entry = cw_entry_new ();

      cw_entry_set_id (entry, i % 3 == 0 ? text : "00000000-0000-4000-8000-000000000001");
      cw_entry_set_date (entry, "2025-01-02");
      cw_entry_set_title (entry, i % 3 == 1 ? text : "Fine");
      cw_entry_set_notes (entry, i % 3 == 2 ? text : NULL);
      g_ptr_array_add (entries, entry);

      writer = cw_casefile_writer_new (out, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (cw_casefile_writer_add_case (writer, kase, entries, &error));
      g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_VALUE);
      g_assert_nonnull (strstr (error->message, "Bad Entry"));
      g_clear_error (&error);
      g_assert_false (cw_casefile_writer_finish (writer, &error));
      g_assert_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_VALUE);
    }
}

static void
test_scope_enum (void)
{
  g_assert_cmpstr (cw_enum_to_nick (CW_TYPE_CASEFILE_SCOPE, CW_CASEFILE_SCOPE_FULL), ==, "full");
  g_assert_cmpstr (cw_enum_to_nick (CW_TYPE_CASEFILE_SCOPE, CW_CASEFILE_SCOPE_PUBLIC), ==, "public");
  g_assert_cmpstr (g_quark_to_string (CW_CASEFILE_ERROR), ==, "cw-casefile-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  xmlInitParser ();

#define ADD(path, func, data) \
  g_test_add ("/casefile-writer/" path, Fixture, data, cw_test_store_fixture_setup, func, \
              cw_test_store_fixture_teardown)

  ADD ("every-field-validates", test_every_field_validates, NULL);
  ADD ("golden", test_golden, NULL);
  ADD ("deterministic", test_deterministic, NULL);
  ADD ("entries-sorted", test_entries_sorted, NULL);
  ADD ("scope/public", test_public_scope, NULL);
  ADD ("scope/public-safety-notes-only", test_public_scope_safety_notes_only, NULL);
  ADD ("scope/full", test_full_scope, NULL);
  ADD ("refused/no-country", test_refused, GINT_TO_POINTER (LACKS_COUNTRY));
  ADD ("refused/holder-without-from", test_refused, GINT_TO_POINTER (LACKS_HOLDER_FROM));
  ADD ("refused/target-without-address", test_refused, GINT_TO_POINTER (LACKS_TARGET_ADDRESS));
  ADD ("refused/target-without-salutation", test_refused,
       GINT_TO_POINTER (LACKS_TARGET_SALUTATION));
  ADD ("refused/person-without-name", test_refused, GINT_TO_POINTER (LACKS_PERSON_NAME));
  ADD ("refused/closed-without-outcome", test_refused, GINT_TO_POINTER (LACKS_CLOSED_OUTCOME));
  ADD ("refused/leaves-no-trace", test_refused_leaves_no_trace, NULL);
  ADD ("export/some-ids", test_export_some, NULL);
  ADD ("export/unknown-id", test_export_unknown, NULL);
  ADD ("export/no-cases", test_export_empty, NULL);
  ADD ("export/too-large", test_export_too_large, NULL);
  ADD ("write-error/surfaces", test_write_error, NULL);
  ADD ("write-error/sticks", test_write_error_sticks, NULL);
  ADD ("writer/defaults", test_writer_defaults, NULL);
  ADD ("writer/no-case", test_writer_no_case, NULL);
  ADD ("writer/bad-text", test_writer_bad_text, NULL);
  ADD ("rows/same-as-add-case", test_rows_same_as_add_case, NULL);
  ADD ("rows/escaped-as-libxml", test_rows_escaped_as_libxml, NULL);
  ADD ("rows/bad-text", test_rows_bad_text, NULL);
  g_test_add_func ("/casefile-writer/scope-enum", test_scope_enum);

#undef ADD

  rc = g_test_run ();
  xmlCleanupParser ();
  return rc;
}
