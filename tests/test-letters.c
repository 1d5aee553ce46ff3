/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-bundled-templates.h"
#include "cw-casefile-import.h"
#include "cw-letter-language.h"
#include "cw-letter.h"
#include "cw-meeting.h"
#include "cw-meeting-pack.h"
#include "cw-template-expander.h"

/* Appeal letters and meeting packs, as the issue lists them: dates,
 * salutations and closings per language, which body a letter gets, the
 * placeholders, the safety rules, and the pages. */

static const CwDate meeting = { 2026, 11, 21, CW_DATE_PRECISION_DAY };

/* Cases built in code */

static CwCase *
make_case (const char *title,
           const char *solidarity)
{
  CwCase *kase = cw_case_new ();
  g_autofree char *id = g_uuid_string_random ();

  cw_case_set_id (kase, id);
  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, "Example Republic");
  cw_case_set_solidarity (kase, solidarity);
  cw_case_set_has_details (kase, TRUE);
  return kase;
}

static CwTarget *
add_target (CwCase     *kase,
            const char *role,
            const char *language,
            const char *title,
            const char *salutation)
{
  CwTarget *target = cw_target_new ();
  const char *address[] = { "1 Government Square", "Example City", NULL };

  target->role = g_strdup (role);
  target->language = g_strdup (language);
  target->title = g_strdup (title);
  target->salutation = g_strdup (salutation);
  target->address = g_strdupv ((GStrv) address);
  g_ptr_array_add (cw_case_get_targets (kase), target);
  return target;
}

static void
add_model_letter (CwCase     *kase,
                  const char *language,
                  const char *body)
{
  g_ptr_array_add (cw_case_get_model_letters (kase), cw_model_letter_new (language, body));
}

static void
add_subject (CwCase     *kase,
             const char *name)
{
  CwPerson *person = cw_person_new ();

  person->role = g_strdup ("subject");
  person->name = g_strdup (name);
  g_ptr_array_add (cw_case_get_people (kase), person);
}

static CwProfile *
make_profile (const char *paper_size)
{
  CwProfile *profile = cw_profile_new ();

  g_free (profile->name);
  profile->name = g_strdup ("Amnesty International Group 123");
  g_free (profile->address);
  profile->address = g_strdup ("12 High Street\nExampletown EX1 2AB");
  g_free (profile->paper_size);
  profile->paper_size = g_strdup (paper_size);
  return profile;
}

static CwLetter *
letter_to (CwCase         *kase,
           const CwTarget *target)
{
  g_autoptr(CwProfile) profile = make_profile ("a4");
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(GError) error = NULL;
  CwLetter *letter = cw_letter_new (kase, target, profile, templates, &meeting, &error);

  g_assert_no_error (error);
  g_assert_nonnull (letter);
  return letter;
}

/* Languages */

static void
test_dates (void)
{
  struct {
    const char *language;
    const char *expected;
  } cases[] = {
    { "en", "21 November 2026" },
    { "es", "21 de noviembre de 2026" },
    { "fr", "21 novembre 2026" },
    { "ar", "٢١ نوفمبر ٢٠٢٦" },
    { "es-CO", "21 de noviembre de 2026" },
    { "pt", "21 November 2026" },      /* unknown: English */
    { NULL, "21 November 2026" },
  };
  CwDate first = { 2026, 5, 1, CW_DATE_PRECISION_DAY };
  g_autofree char *premier = NULL;
  g_autofree char *primero = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text =
        cw_letter_language_format_date (cw_letter_language_lookup (cases[i].language), &meeting);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  premier = cw_letter_language_format_date (cw_letter_language_lookup ("fr"), &first);
  g_assert_cmpstr (premier, ==, "1er mai 2026");
  primero = cw_letter_language_format_date (cw_letter_language_lookup ("es"), &first);
  g_assert_cmpstr (primero, ==, "1 de mayo de 2026");
  g_assert_cmpstr (cw_letter_language_get_month (cw_letter_language_lookup ("ar"), 11), ==, "نوفمبر");
}

static void
test_salutations (void)
{
  struct {
    const char *language;
    const char *salutation;
    const char *expected;
  } cases[] = {
    { "en", "Dear Minister", "Dear Minister," },
    { "es", "Estimado Señor Fiscal General", "Estimado Señor Fiscal General:" },
    { "fr", "Monsieur le Ministre", "Monsieur le Ministre," },
    { "ar", "معالي الوزير", "معالي الوزير،" },
    { "en", "Your Excellency,", "Your Excellency," },
    { "es", "Estimada Señora Ministra:", "Estimada Señora Ministra:" },
    { "ar", "معالي الوزير،", "معالي الوزير،" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cw_letter_language_punctuate_salutation (
        cw_letter_language_lookup (cases[i].language), cases[i].salutation);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  g_assert_cmpstr (cw_letter_language_get_salutation (cw_letter_language_lookup ("en"), "appeal"),
                   ==, "Dear Sir or Madam,");
  g_assert_cmpstr (cw_letter_language_get_salutation (cw_letter_language_lookup ("fr"), "appeal"),
                   ==, "Madame, Monsieur,");
}

static void
test_closings (void)
{
  struct {
    const char *language;
    const char *closing;
    const char *solidarity;
  } cases[] = {
    { "en", "Yours sincerely,", "With warm wishes," },
    { "es", "Atentamente,", "Con cariño y solidaridad," },
    { "fr", "Je vous prie d’agréer l’expression de ma haute considération.",
      "Avec toute notre solidarité," },
    { "ar", "وتفضلوا بقبول فائق الاحترام والتقدير،", "مع خالص التضامن،" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const CwLetterLanguage *language = cw_letter_language_lookup (cases[i].language);

      g_assert_cmpstr (cw_letter_language_get_closing (language, "appeal"), ==, cases[i].closing);
      g_assert_cmpstr (cw_letter_language_get_closing (language, "solidarity"), ==,
                       cases[i].solidarity);
    }
  g_assert_cmpint (cw_letter_language_get_direction (cw_letter_language_lookup ("ar")), ==,
                   PANGO_DIRECTION_RTL);
  g_assert_cmpint (cw_letter_language_get_direction (cw_letter_language_lookup ("fr")), ==,
                   PANGO_DIRECTION_LTR);
}

/* Each bundled language, end to end: a letter from its template carries
 * its date, its salutation and its closing. */
static void
test_letters_in_each_language (void)
{
  struct {
    const char *language;
    const char *bare;
    const char *salutation;
    const char *date;
    const char *closing;
    const char *body_word;
  } cases[] = {
    { "en", "Dear Minister", "Dear Minister,", "21 November 2026", "Yours sincerely,",
      "I am writing" },
    { "es", "Estimado Señor Ministro", "Estimado Señor Ministro:", "21 de noviembre de 2026",
      "Atentamente,", "Me dirijo" },
    { "fr", "Monsieur le Ministre", "Monsieur le Ministre,", "21 novembre 2026",
      "Je vous prie d’agréer l’expression de ma haute considération.", "Je m’adresse" },
    { "ar", "معالي الوزير", "معالي الوزير،", "٢١ نوفمبر ٢٠٢٦",
      "وتفضلوا بقبول فائق الاحترام والتقدير،", "أكتب إليكم" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwCase) kase = make_case ("Jane Doe", "allowed");
      CwTarget *target = add_target (kase, "appeal", cases[i].language, "Minister", cases[i].bare);
      g_autoptr(CwLetter) letter = letter_to (kase, target);

      g_assert_cmpstr (letter->salutation, ==, cases[i].salutation);
      g_assert_cmpstr (letter->date, ==, cases[i].date);
      g_assert_cmpstr (letter->closing, ==, cases[i].closing);
      g_assert_cmpstr (letter->language, ==, cases[i].language);
      g_assert_cmpint (letter->body_source, ==, CW_LETTER_BODY_TEMPLATE);
      g_assert_true (g_str_has_prefix (letter->body, cases[i].body_word));
      g_assert_null (letter->note);
    }
}

/* Which body */

static void
test_body_model_letter (void)
{
  g_autoptr(CwCase) kase = make_case ("Marisol Quintero Vargas", "allowed");
  CwTarget *target = add_target (kase, "appeal", "es", "Fiscal General", "Estimado Señor Fiscal");
  g_autoptr(CwLetter) letter = NULL;

  add_model_letter (kase, "en", "I am writing about Marisol.");
  add_model_letter (kase, "es", "Le escribo por Marisol.\n\nLe insto a actuar.");
  letter = letter_to (kase, target);

  g_assert_cmpint (letter->body_source, ==, CW_LETTER_BODY_MODEL_LETTER);
  g_assert_cmpstr (letter->body, ==, "Le escribo por Marisol.\n\nLe insto a actuar.");
  g_assert_cmpstr (letter->closing, ==, "Atentamente,");
  g_assert_null (letter->note);
}

static void
test_body_template (void)
{
  g_autoptr(CwCase) kase = make_case ("Seven students", "forbidden");
  CwTarget *target = add_target (kase, "appeal", "ar", "Minister of Justice", "معالي الوزير");
  g_autoptr(CwLetter) letter = NULL;

  add_model_letter (kase, "en", "I am writing to call on you to release the students.");
  letter = letter_to (kase, target);

  /* No Arabic model letter: the Arabic template, not the English letter. */
  g_assert_cmpint (letter->body_source, ==, CW_LETTER_BODY_TEMPLATE);
  g_assert_cmpstr (letter->language, ==, "ar");
  g_assert_true (g_str_has_prefix (letter->body, "أكتب إليكم"));
  g_assert_nonnull (strstr (letter->body, "Seven students"));
  g_assert_null (strstr (letter->body, "{case}"));
  g_assert_null (letter->note);
}

static void
test_body_english_fallback (void)
{
  g_autoptr(CwCase) kase = make_case ("Jane Doe", "allowed");
  CwTarget *appeal = add_target (kase, "appeal", "pt", "Ministro da Justiça", "Excelentíssimo Senhor Ministro");
  CwTarget *copy = add_target (kase, "copy", "pt", "Embaixador", "Excelência");
  g_autoptr(CwLetter) letter = NULL;
  g_autoptr(CwLetter) copy_letter = NULL;

  add_model_letter (kase, "en", "I am writing about Jane Doe.");
  letter = letter_to (kase, appeal);
  copy_letter = letter_to (kase, copy);

  g_assert_cmpint (letter->body_source, ==, CW_LETTER_BODY_ENGLISH_FALLBACK);
  g_assert_cmpstr (letter->body, ==, "I am writing about Jane Doe.");
  g_assert_cmpstr (letter->language, ==, "en");
  g_assert_cmpstr (letter->date, ==, "21 November 2026");
  g_assert_cmpstr (letter->closing, ==, "Yours sincerely,");
  g_assert_nonnull (letter->note);
  g_assert_nonnull (strstr (letter->note, "English"));

  /* A copy letter gets the English template for copies, with the note. */
  g_assert_cmpint (copy_letter->body_source, ==, CW_LETTER_BODY_ENGLISH_FALLBACK);
  g_assert_true (g_str_has_prefix (copy_letter->body, "I am writing to ask you to convey"));
  g_assert_nonnull (copy_letter->note);
}

static void
test_body_own_template_first (void)
{
  g_autoptr(CwCase) kase = make_case ("Jane Doe", "allowed");
  CwTarget *target = add_target (kase, "appeal", "es-MX", "Secretario", "Estimado Señor Secretario");
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(CwProfile) profile = make_profile ("a4");
  g_autoptr(CwLetter) letter = NULL;
  CwLetterTemplate *own = cw_letter_template_new ();

  own->id = g_uuid_string_random ();
  own->language = g_strdup ("es");
  own->role = g_strdup ("appeal");
  own->name = g_strdup ("Nuestro llamamiento");
  own->body = g_strdup ("Escribimos por {person}.");
  own->closing = g_strdup ("Cordialmente,");
  g_ptr_array_add (templates, own);

  add_subject (kase, "Jane Doe");
  letter = cw_letter_new (kase, target, profile, templates, &meeting, NULL);
  g_assert_cmpstr (letter->body, ==, "Escribimos por Jane Doe.");
  g_assert_cmpstr (letter->closing, ==, "Cordialmente,");
  g_assert_cmpstr (letter->date, ==, "21 de noviembre de 2026");
}

/* Placeholders */

static void
test_expander (void)
{
  g_autoptr(CwTemplateExpander) expander = cw_template_expander_new ();
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "About {case} in {country}.", "About Jane Doe in Example Republic." },
    { "{unknown} stays", "{unknown} stays" },
    { "a { brace, {, {case", "a { brace, {, {case" },
    { "{{case}}", "{Jane Doe}" },
    { "{}", "{}" },
    { "Group: {group}", "Group: Free {case} and {group}" },  /* a value is never read again */
    { "", "" },
  };

  cw_template_expander_set (expander, "case", "Jane Doe");
  cw_template_expander_set (expander, "country", "Example Republic");
  cw_template_expander_set (expander, "group", "Free {case} and {group}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cw_template_expander_expand (expander, cases[i].text);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_case_text_never_expanded (void)
{
  g_autoptr(CwCase) kase = make_case ("The {group} {case} trial", "allowed");
  CwTarget *appeal = add_target (kase, "appeal", "en", "Minister {date}", "Dear {target}");
  CwTarget *copy = add_target (kase, "copy", "en", "Ambassador", "Your Excellency");
  g_autoptr(CwLetter) model = NULL;
  g_autoptr(CwLetter) from_template = NULL;

  add_model_letter (kase, "en", "Please help {person} of {group}.");
  model = letter_to (kase, appeal);
  from_template = letter_to (kase, copy);

  /* A model letter is the case's text: its braces are characters. */
  g_assert_cmpstr (model->body, ==, "Please help {person} of {group}.");
  g_assert_cmpstr (model->salutation, ==, "Dear {target},");
  g_assert_nonnull (strstr (model->recipient[0], "Minister {date}"));

  /* A template's placeholders are filled once, with the title as it is. */
  g_assert_nonnull (strstr (from_template->body, "about the case of The {group} {case} trial."));
  g_assert_nonnull (strstr (from_template->body, "the concern of Amnesty International Group 123"));
  g_assert_null (strstr (from_template->body, "{country}"));
}

/* Roles and safety */

static void
test_solidarity_refused (void)
{
  g_autoptr(CwCase) forbidden = make_case ("Seven students", "forbidden");
  g_autoptr(CwCase) unstated = make_case ("Jane Doe", NULL);
  g_autoptr(CwProfile) profile = make_profile ("a4");
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  CwTarget *family = add_target (forbidden, "solidarity", "en", NULL, "Dear Karim");

  add_target (forbidden, "appeal", "en", "Minister", "Dear Minister");
  add_target (unstated, "solidarity", "en", NULL, "Dear Jane");

  letters = cw_letters_for_case (forbidden, CW_LETTER_ROLES_ALL, profile, templates, &meeting, &error);
  g_assert_null (letters);
  g_assert_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Seven students"));
  g_assert_nonnull (strstr (error->message, "forbid"));
  g_clear_error (&error);

  g_assert_null (cw_letter_new (forbidden, family, profile, templates, &meeting, &error));
  g_assert_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN);
  g_clear_error (&error);

  /* A case that does not say solidarity is allowed gets none either. */
  g_assert_null (cw_letters_for_case (unstated, CW_LETTER_ROLE_SOLIDARITY, profile, templates,
                                      &meeting, &error));
  g_assert_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN);
  g_clear_error (&error);

  /* Appeals only: fine, and the family gets nothing. */
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = cw_letters_for_case (forbidden, CW_LETTER_ROLES_DEFAULT, profile, templates, &meeting,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 1);
  g_assert_cmpstr (((CwLetter *) g_ptr_array_index (letters, 0))->role, ==, "appeal");
}

static void
test_solidarity_allowed (void)
{
  g_autoptr(CwCase) kase = make_case ("Marisol Quintero Vargas", "allowed");
  CwTarget *family = add_target (kase, "solidarity", "es", NULL, "Querida Marisol");
  g_autoptr(CwLetter) letter = NULL;

  add_model_letter (kase, "es", "Le escribo a usted, señor Fiscal.");
  letter = letter_to (kase, family);

  /* A model letter is for the authorities, not for a card to the family. */
  g_assert_cmpint (letter->body_source, ==, CW_LETTER_BODY_TEMPLATE);
  g_assert_true (g_str_has_prefix (letter->body, "Pensamos en ti"));
  g_assert_cmpstr (letter->salutation, ==, "Querida Marisol:");
  g_assert_cmpstr (letter->closing, ==, "Con cariño y solidaridad,");
}

/* The pack's pages */

static guint
paginate (CwMeetingPack *pack)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  guint n_pages;

  cw_paper_size_points (cw_meeting_pack_get_paper_size (pack), &width, &height);
  surface = cairo_pdf_surface_create (NULL, width, height);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  n_pages = cw_document_paginate (CW_DOCUMENT (pack), context, width, height);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

static CwCase *
case_with_appeals (const char *title,
                   guint       n_targets)
{
  CwCase *kase = make_case (title, "allowed");

  for (guint i = 0; i < n_targets; i++)
    add_target (kase, "appeal", i % 2 == 0 ? "en" : "es", "Minister", "Dear Minister");
  add_target (kase, "copy", "en", "Ambassador", "Your Excellency");
  add_target (kase, "solidarity", "en", NULL, "Dear Jane");
  add_subject (kase, title);
  return kase;
}

static void
test_page_count (gconstpointer data)
{
  const char *paper_size = data;
  g_autoptr(CwProfile) profile = make_profile (paper_size);
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(CwCase) first = case_with_appeals ("Jane Doe", 2);
  g_autoptr(CwCase) second = case_with_appeals ("John Roe", 1);
  g_autoptr(CwMeetingPack) pack = cw_meeting_pack_new (profile, &meeting, 3);
  g_autoptr(GError) error = NULL;
  guint letters;

  cw_meeting_pack_add_case (pack, first, CW_LETTER_ROLES_DEFAULT, templates, &error);
  g_assert_no_error (error);
  cw_meeting_pack_add_case (pack, second, CW_LETTER_ROLES_ALL, templates, &error);
  g_assert_no_error (error);

  /* 2 appeals + 1 copy, and 1 appeal + 1 copy + 1 solidarity card */
  letters = 6;
  g_assert_cmpuint (cw_meeting_pack_count_letters (pack, NULL), ==, letters * 3);
  g_assert_cmpuint (cw_meeting_pack_count_letters (pack, cw_case_get_id (first)), ==, 3 * 3);

  /* Two briefings, letters × copies, one page of envelopes. */
  g_assert_cmpuint (paginate (pack), ==, 2 + letters * 3 + 1);
  g_assert_cmpuint (cw_meeting_pack_get_n_briefing_pages (pack), ==, 2);
  g_assert_cmpuint (cw_meeting_pack_get_n_envelope_pages (pack), ==, 1);

  /* Paginating again, or for members' own addresses, changes nothing. */
  g_assert_cmpuint (paginate (pack), ==, 2 + letters * 3 + 1);
  cw_meeting_pack_set_member_address (pack, TRUE);
  g_assert_cmpuint (paginate (pack), ==, 2 + letters * 3 + 1);
}

static gboolean
page_has_text (CwMeetingPack *pack,
               guint          page,
               const char    *text)
{
  g_autoptr(GPtrArray) layouts = cw_meeting_pack_get_page_layouts (pack, page);

  for (guint i = 0; i < layouts->len; i++)
    if (strstr (pango_layout_get_text (g_ptr_array_index (layouts, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_long_letter_flows (void)
{
  g_autoptr(CwProfile) profile = make_profile ("letter");
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(CwCase) kase = make_case ("Jane Doe", "allowed");
  g_autoptr(CwMeetingPack) pack = cw_meeting_pack_new (profile, &meeting, 2);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 1; i <= 24; i++)
    g_string_append_printf (body, "%sParagraph %u. I urge you to release Jane Doe at once, to "
                            "drop every charge against her, and to let her family and her "
                            "lawyer see her while she is held.", i > 1 ? "\n\n" : "", i);
  add_model_letter (kase, "en", body->str);
  add_target (kase, "appeal", "en", "Minister", "Dear Minister");
  cw_meeting_pack_add_case (pack, kase, CW_LETTER_ROLE_APPEAL, templates, NULL);

  /* A briefing, the letter on two pages twice, the envelopes. */
  g_assert_cmpuint (paginate (pack), ==, 1 + 2 * 2 + 1);
  g_assert_true (page_has_text (pack, 1, "Paragraph 1."));
  g_assert_false (page_has_text (pack, 1, "Paragraph 24."));
  g_assert_true (page_has_text (pack, 2, "Paragraph 24."));
  g_assert_true (page_has_text (pack, 2, "Yours sincerely,"));
  g_assert_true (page_has_text (pack, 1, "1 / 2"));
  g_assert_true (page_has_text (pack, 2, "2 / 2"));
  /* The second copy is the same two pages. */
  g_assert_true (page_has_text (pack, 3, "Paragraph 1."));
  g_assert_true (page_has_text (pack, 4, "Paragraph 24."));
}

static void
test_briefing_is_one_page (void)
{
  g_autoptr(CwProfile) profile = make_profile ("a4");
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(CwCase) kase = case_with_appeals ("Jane Doe", 1);
  g_autoptr(CwMeetingPack) pack = cw_meeting_pack_new (profile, &meeting, 1);
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (summary, "She was arrested again and held without charge. ");
  cw_case_set_summary (kase, summary->str);
  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("Never name her village."));
  cw_meeting_pack_add_case (pack, kase, CW_LETTER_ROLES_DEFAULT, templates, NULL);

  g_assert_cmpuint (paginate (pack), ==, 1 + 2 + 1);
  g_assert_cmpuint (cw_meeting_pack_get_n_briefing_pages (pack), ==, 1);
  /* The summary gives way; the safety notes and the letters stay. */
  g_assert_true (page_has_text (pack, 0, "Never name her village."));
  g_assert_true (page_has_text (pack, 0, "Appeal to Minister, in English"));
}

static PangoLayout *
find_layout (CwMeetingPack *pack,
             guint          page,
             const char    *text)
{
  g_autoptr(GPtrArray) layouts = cw_meeting_pack_get_page_layouts (pack, page);

  for (guint i = 0; i < layouts->len; i++)
    if (strstr (pango_layout_get_text (g_ptr_array_index (layouts, i)), text) != NULL)
      return g_ptr_array_index (layouts, i);
  return NULL;
}

static void
test_arabic_right_to_left (void)
{
  g_autoptr(CwProfile) profile = make_profile ("a4");
  g_autoptr(GPtrArray) templates = cw_bundled_templates ();
  g_autoptr(CwCase) kase = make_case ("Seven students", "forbidden");
  g_autoptr(CwMeetingPack) pack = cw_meeting_pack_new (profile, &meeting, 1);
  PangoLayout *body, *address, *english;
  PangoLayoutLine *line;

  add_target (kase, "appeal", "ar", "Minister of Justice", "معالي الوزير");
  add_target (kase, "copy", "en", "Ambassador", "Your Excellency");
  cw_meeting_pack_add_case (pack, kase, CW_LETTER_ROLES_DEFAULT, templates, NULL);
  g_assert_cmpuint (paginate (pack), ==, 1 + 2 + 1);

  body = find_layout (pack, 1, "أكتب إليكم");
  g_assert_nonnull (body);
  g_assert_cmpint (pango_context_get_base_dir (pango_layout_get_context (body)), ==,
                   PANGO_DIRECTION_RTL);
  g_assert_cmpint (pango_layout_get_direction (body, 0), ==, PANGO_DIRECTION_RTL);
  g_assert_cmpint (pango_layout_get_alignment (body), ==, PANGO_ALIGN_RIGHT);
  line = pango_layout_get_line_readonly (body, 0);
  g_assert_cmpint (line->resolved_dir, ==, PANGO_DIRECTION_RTL);

  /* The whole letter reads right to left, even a line that starts in
   * Latin script, like the recipient's address. */
  address = find_layout (pack, 1, "Government Square");
  g_assert_nonnull (address);
  g_assert_cmpint (pango_layout_get_line_readonly (address, 0)->resolved_dir, ==,
                   PANGO_DIRECTION_RTL);
  g_assert_cmpint (pango_layout_get_alignment (address), ==, PANGO_ALIGN_RIGHT);

  /* The English copy beside it reads left to right. */
  english = find_layout (pack, 2, "I am writing to ask you");
  g_assert_nonnull (english);
  g_assert_cmpint (pango_layout_get_direction (english, 0), ==, PANGO_DIRECTION_LTR);
  g_assert_cmpint (pango_layout_get_alignment (english), ==, PANGO_ALIGN_LEFT);
}

/* From a store with the samples, to a PDF */

typedef struct {
  char *dir;
  CwStore *store;
} Fixture;

static void
import_sample (CwStore    *store,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  g_ptr_array_add (casefiles, cw_casefile_read (bytes, name, &error));
  g_assert_no_error (error);
  cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwProfile) profile = make_profile ("a4");

  f->dir = g_dir_make_tmp ("casework-letters-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_store_open (path, &error);
  g_assert_no_error (error);
  import_sample (f->store, "long-term-case.xml");
  import_sample (f->store, "urgent-action.xml");
  cw_store_save_profile (f->store, profile, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

#define LONG_TERM_ID "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"
#define URGENT_ID "c2d4e6f8-0a1b-4c3d-8e5f-7a9b1c3d5e7f"

static void
test_bundled_templates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  CwLetterTemplate *edited = NULL;

  templates = cw_store_list_letter_templates (f->store, &error);
  g_assert_cmpuint (templates->len, ==, 0);   /* not at database open */
  g_clear_pointer (&templates, g_ptr_array_unref);

  templates = cw_store_list_letter_templates_with_bundled (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 12);

  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (((CwLetterTemplate *) g_ptr_array_index (templates, i))->id,
                     "b0a1d1ed-0000-4000-8000-000000000011"))
      edited = g_ptr_array_index (templates, i);
  g_assert_nonnull (edited);
  g_assert_true (edited->bundled);
  g_free (edited->body);
  edited->body = g_strdup ("Nuestro texto para {case}.");
  cw_store_save_letter_template (f->store, edited, &error);
  g_assert_no_error (error);

  /* Ensuring again adds nothing and keeps the group's edit. */
  g_clear_pointer (&templates, g_ptr_array_unref);
  g_assert_true (cw_store_ensure_bundled_templates (f->store, &error));
  templates = cw_store_list_letter_templates (f->store, &error);
  g_assert_cmpuint (templates->len, ==, 12);
  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (((CwLetterTemplate *) g_ptr_array_index (templates, i))->id,
                     "b0a1d1ed-0000-4000-8000-000000000011"))
      g_assert_cmpstr (((CwLetterTemplate *) g_ptr_array_index (templates, i))->body, ==,
                       "Nuestro texto para {case}.");
}

static void
test_proposed_cases (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) on_deadline = NULL;
  CwDate after_deadline = { 2026, 12, 12, CW_DATE_PRECISION_DAY };
  CwDate deadline_day = { 2026, 12, 11, CW_DATE_PRECISION_DAY };
  g_autoptr(CwCase) paused = make_case ("Paused case", "allowed");

  cw_case_set_status (paused, CW_CASE_STATUS_PAUSED);
  g_assert_true (cw_store_save_case (f->store, paused, NULL));

  before = cw_meeting_propose_cases (f->store, &meeting, NULL);
  g_assert_cmpuint (g_strv_length (before), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) before, LONG_TERM_ID));
  g_assert_true (g_strv_contains ((const char * const *) before, URGENT_ID));

  on_deadline = cw_meeting_propose_cases (f->store, &deadline_day, NULL);
  g_assert_true (g_strv_contains ((const char * const *) on_deadline, URGENT_ID));

  after = cw_meeting_propose_cases (f->store, &after_deadline, NULL);
  g_assert_cmpuint (g_strv_length (after), ==, 1);
  g_assert_cmpstr (after[0], ==, LONG_TERM_ID);
}

static void
test_samples_pack (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMeetingPack) pack = NULL;
  g_autoptr(GPtrArray) letters = NULL;

  pack = cw_meeting_pack_new_from_store (f->store, NULL, CW_LETTER_ROLES_DEFAULT, 4, &meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_meeting_pack_get_n_cases (pack), ==, 2);

  /* Marisol: two appeals in Spanish and a copy; the students: an appeal in
   * Arabic and a copy. */
  letters = cw_meeting_pack_get_letters (pack);
  g_assert_cmpuint (letters->len, ==, 5);
  g_assert_cmpuint (cw_meeting_pack_count_letters (pack, LONG_TERM_ID), ==, 12);
  g_assert_cmpuint (cw_meeting_pack_count_letters (pack, URGENT_ID), ==, 8);
  g_assert_cmpuint (paginate (pack), ==, 2 + 5 * 4 + 1);

  g_clear_object (&pack);
  pack = cw_meeting_pack_new_from_store (f->store, NULL, CW_LETTER_ROLES_ALL, 1, &meeting, &error);
  g_assert_null (pack);
  g_assert_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Seven students of the Free Press Society"));
  g_clear_error (&error);

  {
    const char *ids[] = { LONG_TERM_ID, NULL };

    pack = cw_meeting_pack_new_from_store (f->store, ids, CW_LETTER_ROLE_SOLIDARITY, 1, &meeting,
                                           &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cw_meeting_pack_count_letters (pack, NULL), ==, 1);
  }
}

static void
test_log_letters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMeetingPack) pack = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  CwEntry *logged = NULL;

  pack = cw_meeting_pack_new_from_store (f->store, NULL, CW_LETTER_ROLES_DEFAULT, 3, &meeting, &error);
  g_assert_no_error (error);
  g_assert_true (cw_meeting_log_letters (f->store, pack, &error));
  g_assert_no_error (error);

  entries = cw_store_list_entries (f->store, LONG_TERM_ID, &error);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (cw_entry_get_date (g_ptr_array_index (entries, i)), "2026-11-21") == 0)
      logged = g_ptr_array_index (entries, i);
  g_assert_nonnull (logged);
  g_assert_cmpstr (cw_entry_get_title (logged), ==, "9 letters written");
  g_assert_cmpstr (cw_entry_get_kind (logged), ==, "letter");
  g_assert_cmpint (cw_entry_get_category (logged), ==, CW_ENTRY_CATEGORY_ACTIVITY);
  g_assert_cmpint (cw_entry_get_count (logged), ==, 9);
}

/* What a poppler-utils program prints of the PDF at @path. */
static char *
run_poppler (const char *program,
             const char *path)
{
  g_autofree char *found = g_find_program_in_path (program);
  const char *with_layout[] = { program, "-layout", path, "-", NULL };
  const char *plain[] = { program, path, NULL };
  const char **argv = g_str_equal (program, "pdftotext") ? with_layout : plain;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (found == NULL)
    g_error ("%s is missing: install poppler-utils (build-aux/test.sh does)", program);

  argv[0] = found;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
pdf_text (const char *path)
{
  return run_poppler ("pdftotext", path);
}

static char *
pdf_info (const char *path)
{
  return run_poppler ("pdfinfo", path);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMeetingPack) pack = NULL;
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;

  pack = cw_meeting_pack_new_from_store (f->store, NULL, CW_LETTER_ROLES_DEFAULT, 1, &meeting, &error);
  g_assert_no_error (error);
  g_assert_true (cw_meeting_pack_write_pdf_file (pack, file, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "21 de noviembre de 2026"));
  g_assert_nonnull (strstr (text, "Estimado Señor Fiscal General:"));
  g_assert_nonnull (strstr (text, "Le escribo para expresar mi preocupación"));
  g_assert_nonnull (strstr (text, "Atentamente,"));
  g_assert_nonnull (strstr (text, "Your Excellency,"));
  g_assert_nonnull (strstr (text, "Amnesty International Group 123"));
  g_assert_nonnull (strstr (text, "نوفمبر"));
  g_assert_nonnull (strstr (text, "Envelopes"));
  /* Two briefings, five letters, the envelopes: a form feed ends each page. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages) - 1, ==, 2 + 5 + 1);

  /* Viewers show its title in place of the file's name. */
  info = pdf_info (path);
  g_assert_true (g_str_has_prefix (info, "Title:"));
  g_assert_true (g_str_has_prefix (g_strchug (info + strlen ("Title:")), "Meeting of 21 November 2026\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letters/language/dates", test_dates);
  g_test_add_func ("/letters/language/salutations", test_salutations);
  g_test_add_func ("/letters/language/closings", test_closings);
  g_test_add_func ("/letters/language/each-bundled-language", test_letters_in_each_language);
  g_test_add_func ("/letters/body/model-letter", test_body_model_letter);
  g_test_add_func ("/letters/body/template", test_body_template);
  g_test_add_func ("/letters/body/english-fallback", test_body_english_fallback);
  g_test_add_func ("/letters/body/own-template-first", test_body_own_template_first);
  g_test_add_func ("/letters/placeholders/expander", test_expander);
  g_test_add_func ("/letters/placeholders/never-in-case-text", test_case_text_never_expanded);
  g_test_add_func ("/letters/roles/solidarity-refused", test_solidarity_refused);
  g_test_add_func ("/letters/roles/solidarity-allowed", test_solidarity_allowed);
  g_test_add_data_func ("/letters/pack/page-count-a4", "a4", test_page_count);
  g_test_add_data_func ("/letters/pack/page-count-letter", "letter", test_page_count);
  g_test_add_func ("/letters/pack/long-letter-flows", test_long_letter_flows);
  g_test_add_func ("/letters/pack/briefing-one-page", test_briefing_is_one_page);
  g_test_add_func ("/letters/pack/arabic-right-to-left", test_arabic_right_to_left);
  g_test_add ("/letters/store/bundled-templates", Fixture, NULL, fixture_setup,
              test_bundled_templates, fixture_teardown);
  g_test_add ("/letters/store/proposed-cases", Fixture, NULL, fixture_setup, test_proposed_cases,
              fixture_teardown);
  g_test_add ("/letters/store/samples-pack", Fixture, NULL, fixture_setup, test_samples_pack,
              fixture_teardown);
  g_test_add ("/letters/store/log-letters", Fixture, NULL, fixture_setup, test_log_letters,
              fixture_teardown);
  g_test_add ("/letters/store/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);

  return g_test_run ();
}
