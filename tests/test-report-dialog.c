/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "cw-report-dialog-private.h"
#include "report-fixture.h"

/* The "Yearly report…" window under a real (virtual) display: the cases of
 * the year chosen, the group's words saved as they are typed, the pages
 * previewed, the report saved. */

typedef struct {
  ReportFixture db;
  CwReportDialog *dialog;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  report_fixture_set_up (&f->db, "report-fixture.xml", "report-hostile.xml", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  report_fixture_tear_down (&f->db);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @condition holds, for at most a minute; as
 * cw_test_wait_for() in cw-test-ui.c, which this test is not linked with. */
static gboolean
wait_for (gboolean (*condition) (gpointer data),
          gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return condition (data);
}

/* Nothing waits: the words typed are saved, and the preview is built
 * from them and shown. */
static gboolean
settled (gpointer data)
{
  Fixture *f = data;

  return f->dialog->save_source == 0 && f->dialog->rebuild_source == 0 &&
         !cw_report_dialog_is_preparing (f->dialog) && f->dialog->document != NULL;
}

static void
settle (Fixture *f)
{
  g_assert_true (wait_for (settled, f));
  g_assert_false (gtk_widget_get_visible (f->dialog->preparing_box));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
open_dialog (Fixture *f)
{
  f->dialog = CW_REPORT_DIALOG (cw_report_dialog_new (NULL, f->db.store));
  cw_report_dialog_set_year (f->dialog, 2025);
  gtk_window_present (GTK_WINDOW (f->dialog));
  g_assert_true (wait_for (is_mapped, f->dialog));
  settle (f);
  g_assert_cmpuint (cw_report_dialog_get_year (f->dialog), ==, 2025);
}

static GObject *
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->dialog), CW_TYPE_REPORT_DIALOG,
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
find_visible_label (GtkWidget  *widget,
                    const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_visible_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CwReportCase *
previewed_case (Fixture    *f,
                const char *id)
{
  CwReport *report = cw_report_document_get_report (cw_report_dialog_get_document (f->dialog));

  for (guint i = 0; i < report->cases->len; i++)
    {
      CwReportCase *rc = g_ptr_array_index (report->cases, i);

      if (g_strcmp0 (cw_case_get_id (rc->kase), id) == 0)
        return rc;
    }
  return NULL;
}

static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char character[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), character);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, character, -1, TRUE);
    }
}

static void
assert_note (Fixture    *f,
             const char *id,
             guint       year,
             const char *how,
             const char *next)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got_how = NULL, *got_next = NULL;

  g_assert_true (cw_store_load_report_note (f->db.store, id, year, &got_how, &got_next, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (got_how, ==, how);
  g_assert_cmpstr (got_next, ==, next);
}

static void
test_cases_of_the_year (Fixture       *f,
                        gconstpointer  data)
{
  open_dialog (f);

  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_ANA));
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_KOFI));
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_STUDENTS));
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_HOSTILE));
  g_assert_false (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_LEYLA));
  g_assert_false (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_RAFAEL));
  g_assert_cmpuint (previewed_case (f, FIXTURE_ANA) != NULL, ==, TRUE);
  g_assert_null (previewed_case (f, FIXTURE_LEYLA));

  /* Every case is listed, its title as text, never as markup. */
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->dialog), "Leyla Demir"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->dialog),
                                        "<script>alert(1)</script> Tom & \"Jerry\" 'Smith'"));

  /* Another year chooses its own cases. */
  cw_report_dialog_set_year (f->dialog, 2024);
  settle (f);
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_LEYLA));
  g_assert_false (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_STUDENTS));
  g_assert_nonnull (previewed_case (f, FIXTURE_LEYLA));
  g_assert_cmpuint (cw_report_document_get_report (cw_report_dialog_get_document (f->dialog))->year,
                    ==, 2024);

  /* A case taken out of the report leaves the preview. */
  cw_report_dialog_set_case_chosen (f->dialog, FIXTURE_LEYLA, FALSE);
  settle (f);
  g_assert_null (previewed_case (f, FIXTURE_LEYLA));
}

static void
test_words_saved_as_typed (Fixture       *f,
                           gconstpointer  data)
{
  GtkTextView *how, *next;

  open_dialog (f);
  how = GTK_TEXT_VIEW (child (f, "how_view"));
  next = GTK_TEXT_VIEW (child (f, "next_view"));

  cw_report_dialog_show_words_for (f->dialog, FIXTURE_KOFI);
  run_main_loop (100);
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->dialog), "Kofi Mensah Asante, 2025"));
  type_into (how, "Kofi was released in June.");
  type_into (next, "Close the case.");

  /* Saved shortly after the last key, and the preview follows. */
  g_assert_cmpuint (f->dialog->save_source, !=, 0);
  settle (f);
  assert_note (f, FIXTURE_KOFI, 2025, "Kofi was released in June.", "Close the case.");
  g_assert_cmpstr (previewed_case (f, FIXTURE_KOFI)->how_it_went, ==, "Kofi was released in June.");

  /* Ana's words, stored before, show when she is picked. */
  cw_report_dialog_show_words_for (f->dialog, FIXTURE_ANA);
  run_main_loop (100);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (how);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_true (g_str_has_prefix (text, "A steady year"));
  }

  /* Words for another year are that year's. */
  cw_report_dialog_set_year (f->dialog, 2024);
  run_main_loop (100);
  type_into (how, "The first year of letters.");
  settle (f);
  assert_note (f, FIXTURE_ANA, 2024, "The first year of letters.", "");
  g_assert_true (g_str_has_prefix (previewed_case (f, FIXTURE_ANA)->how_it_went, "The first year"));
  g_assert_cmpuint (cw_report_document_get_report (cw_report_dialog_get_document (f->dialog))->year,
                    ==, 2024);
}

static void
test_words_saved_on_close (Fixture       *f,
                           gconstpointer  data)
{
  open_dialog (f);
  cw_report_dialog_show_words_for (f->dialog, FIXTURE_STUDENTS);
  type_into (GTK_TEXT_VIEW (child (f, "next_view")), "Follow up the UA.");

  /* Closed before the delay: what was typed is saved all the same. */
  gtk_window_close (GTK_WINDOW (f->dialog));
  f->dialog = NULL;
  assert_note (f, FIXTURE_STUDENTS, 2025, "", "Follow up the UA.");
}

static gboolean
texture_has_text (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  guint white = 0, dark = 0;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (int i = 0; i < width * height; i++)
    {
      guchar *p = pixels + i * 4;

      if (p[0] > 250 && p[1] > 250 && p[2] > 250)
        white++;
      else if (p[3] > 200 && p[0] < 160 && p[1] < 160 && p[2] < 160)
        dark++;
    }
  return white > (guint) (width * height / 2) && dark > 300;
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) last = NULL;
  GtkLabel *page_label;
  guint n_pages;
  g_autofree char *expected = NULL;

  open_dialog (f);
  n_pages = cw_report_dialog_get_n_pages (f->dialog);
  g_assert_cmpuint (n_pages, >=, 2);
  page_label = GTK_LABEL (child (f, "page_label"));
  expected = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_cmpstr (gtk_label_get_text (page_label), ==, expected);

  first = cw_report_dialog_render_page (f->dialog, 0, 600);
  g_assert_nonnull (first);
  g_assert_cmpint (gdk_texture_get_width (first), ==, 600);
  g_assert_cmpint (gdk_texture_get_height (first), >, 800);
  g_assert_true (texture_has_text (first));
  last = cw_report_dialog_render_page (f->dialog, n_pages - 1, 400);
  g_assert_true (texture_has_text (last));
  g_assert_null (cw_report_dialog_render_page (f->dialog, n_pages, 400));

  /* Page by page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "report.next-page", NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Page 2 of %u", n_pages);
  g_assert_cmpstr (gtk_label_get_text (page_label), ==, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "report.previous-page", NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_cmpstr (gtk_label_get_text (page_label), ==, expected);
  run_main_loop (100);
}

static guint
shown_year (Fixture *f)
{
  return f->dialog->report != NULL ? f->dialog->report->year : 0;
}

static gboolean
has_document (gpointer data)
{
  Fixture *f = data;

  return f->dialog->document != NULL;
}

static void
test_preview_appears (Fixture       *f,
                      gconstpointer  data)
{
  f->dialog = CW_REPORT_DIALOG (cw_report_dialog_new (NULL, f->db.store));
  gtk_window_present (GTK_WINDOW (f->dialog));

  /* Built in a thread: the window is there before its pages are. */
  g_assert_true (cw_report_dialog_is_preparing (f->dialog));
  g_assert_null (cw_report_dialog_get_document (f->dialog));
  g_assert_cmpuint (cw_report_dialog_get_n_pages (f->dialog), ==, 0);

  g_assert_true (wait_for (has_document, f));
  g_assert_false (cw_report_dialog_is_preparing (f->dialog));
  g_assert_false (gtk_widget_get_visible (f->dialog->preparing_box));
  g_assert_cmpuint (cw_report_dialog_get_n_pages (f->dialog), >=, 2);
  g_assert_cmpuint (shown_year (f), ==, cw_report_dialog_get_year (f->dialog));
}

typedef struct {
  Fixture *f;
  guint stale_year;
  gboolean stale_seen;
} YearWatch;

/* Settled, noting whether the preview ever showed the stale year. */
static gboolean
settled_watching (gpointer data)
{
  YearWatch *watch = data;

  if (shown_year (watch->f) == watch->stale_year)
    watch->stale_seen = TRUE;
  return settled (watch->f);
}

static void
test_year_twice_quickly (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) first = NULL;
  YearWatch watch = { f, 2024, FALSE };
  guint n_builds;

  open_dialog (f);
  g_assert_cmpuint (shown_year (f), ==, 2025);

  /* Two changes before the delay is up: one build, of the second year. */
  n_builds = f->dialog->n_builds;
  cw_report_dialog_set_year (f->dialog, 2024);
  cw_report_dialog_set_year (f->dialog, 2026);
  g_assert_true (wait_for (settled_watching, &watch));
  g_assert_false (watch.stale_seen);
  g_assert_cmpuint (f->dialog->n_builds, ==, n_builds + 1);
  g_assert_cmpuint (shown_year (f), ==, 2026);

  /* Two builds started one after the other: the first is cancelled, and
   * what it made is never shown, even if it was done first. */
  cw_report_dialog_set_year (f->dialog, 2024);
  cw_report_dialog_rebuild_now (f->dialog);
  first = g_object_ref (f->dialog->build_cancellable);
  cw_report_dialog_set_year (f->dialog, 2025);
  cw_report_dialog_rebuild_now (f->dialog);
  g_assert_true (g_cancellable_is_cancelled (first));
  g_assert_false (g_cancellable_is_cancelled (f->dialog->build_cancellable));

  watch.stale_year = 2024;
  g_assert_true (wait_for (settled_watching, &watch));
  g_assert_false (watch.stale_seen);
  g_assert_cmpuint (shown_year (f), ==, 2025);
  g_assert_nonnull (previewed_case (f, FIXTURE_KOFI));
  g_assert_null (previewed_case (f, FIXTURE_LEYLA));
  /* The cases chosen are the second year's, and so is the report. */
  g_assert_false (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_LEYLA));
}

static void
test_typing_builds_once (Fixture       *f,
                         gconstpointer  data)
{
  guint n_builds;

  open_dialog (f);
  cw_report_dialog_show_words_for (f->dialog, FIXTURE_KOFI);
  n_builds = f->dialog->n_builds;

  /* A key at a time: no build starts while the words keep coming. */
  type_into (GTK_TEXT_VIEW (child (f, "how_view")), "He was released in June, ");
  g_assert_cmpuint (f->dialog->n_builds, ==, n_builds);
  type_into (GTK_TEXT_VIEW (child (f, "how_view")), "after two years.");
  settle (f);
  g_assert_cmpuint (f->dialog->n_builds, ==, n_builds + 1);
  g_assert_cmpstr (previewed_case (f, FIXTURE_KOFI)->how_it_went, ==,
                   "He was released in June, after two years.");
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_closed_while_building (Fixture       *f,
                            gconstpointer  data)
{
  CwReportDialog *dialog = CW_REPORT_DIALOG (cw_report_dialog_new (NULL, f->db.store));
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cw_report_dialog_is_preparing (dialog));
  gtk_window_close (GTK_WINDOW (dialog));

  /* The build holds the window until its callback, which finds it gone,
   * drops what it made and lets it go. */
  g_assert_true (wait_for (is_gone, &weak));
}

static void
test_private_switch (Fixture       *f,
                     gconstpointer  data)
{
  open_dialog (f);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (f, "private_switch"))));
  g_assert_cmpuint (previewed_case (f, FIXTURE_ANA)->entries->len, ==, 9);

  gtk_switch_set_active (GTK_SWITCH (child (f, "private_switch")), TRUE);
  settle (f);
  g_assert_cmpuint (previewed_case (f, FIXTURE_ANA)->entries->len, ==, 10);
}

/* tests/casefiles/report-private-status.xml: open in 2025 only by a
 * private entry. */
#define PRIVATE_ONLY_OPEN "18181818-0000-4000-8000-000000000001"

/* A case open in the year only by its private entries comes and goes with
 * them; a case chosen by hand stays chosen. */
static void
test_private_switch_cases (Fixture       *f,
                           gconstpointer  data)
{
  GtkSwitch *private_switch;

  report_fixture_import (&f->db, "report-private-status.xml");
  open_dialog (f);
  private_switch = GTK_SWITCH (child (f, "private_switch"));
  g_assert_false (cw_report_dialog_get_case_chosen (f->dialog, PRIVATE_ONLY_OPEN));
  cw_report_dialog_set_case_chosen (f->dialog, FIXTURE_LEYLA, TRUE);

  gtk_switch_set_active (private_switch, TRUE);
  settle (f);
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, PRIVATE_ONLY_OPEN));
  g_assert_nonnull (previewed_case (f, PRIVATE_ONLY_OPEN));
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_LEYLA));
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_ANA));

  gtk_switch_set_active (private_switch, FALSE);
  settle (f);
  g_assert_false (cw_report_dialog_get_case_chosen (f->dialog, PRIVATE_ONLY_OPEN));
  g_assert_null (previewed_case (f, PRIVATE_ONLY_OPEN));
  g_assert_true (cw_report_dialog_get_case_chosen (f->dialog, FIXTURE_LEYLA));
}

/* The Save chooser's name comes as "….pdf": a format chosen with the name
 * left as it came gives the name its extension; a name typed with
 * another format's extension is that format. */
static void
assert_target (const char     *name,
               const char     *choice,
               const char     *expected_name,
               CwReportFormat  expected_format)
{
  g_autofree char *path = g_build_filename ("/home/holder/Documents", name, NULL);
  g_autofree char *expected = g_build_filename ("/home/holder/Documents", expected_name, NULL);
  g_autoptr(GFile) picked = g_file_new_for_path (path);
  g_autoptr(GFile) target = NULL;
  g_autofree char *target_path = NULL;
  CwReportFormat format = CW_REPORT_FORMAT_TEXT + 100;

  target = cw_report_save_target (picked, choice, &format);
  target_path = g_file_get_path (target);
  g_assert_cmpstr (target_path, ==, expected);
  g_assert_cmpint (format, ==, expected_format);
}

static void
test_save_target (void)
{
  assert_target ("Yearly report 2025.pdf", "pdf", "Yearly report 2025.pdf", CW_REPORT_FORMAT_PDF);
  assert_target ("Yearly report 2025.pdf", "html", "Yearly report 2025.html", CW_REPORT_FORMAT_HTML);
  assert_target ("Yearly report 2025.pdf", "odt", "Yearly report 2025.odt", CW_REPORT_FORMAT_ODT);
  assert_target ("Yearly report 2025.pdf", "txt", "Yearly report 2025.txt", CW_REPORT_FORMAT_TEXT);
  assert_target ("For the coordinator.odt", "pdf", "For the coordinator.odt", CW_REPORT_FORMAT_ODT);
  assert_target ("For the coordinator.HTM", "pdf", "For the coordinator.HTM", CW_REPORT_FORMAT_HTML);
  assert_target ("For the coordinator", "fodt", "For the coordinator.fodt", CW_REPORT_FORMAT_FODT);
  assert_target ("For the coordinator", NULL, "For the coordinator.pdf", CW_REPORT_FORMAT_PDF);
  assert_target ("Report v1.2", "txt", "Report v1.2.txt", CW_REPORT_FORMAT_TEXT);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->db.dir, "report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  open_dialog (f);
  cw_report_dialog_show_words_for (f->dialog, FIXTURE_KOFI);
  type_into (GTK_TEXT_VIEW (child (f, "how_view")), "Released!");
  cw_report_dialog_set_case_chosen (f->dialog, FIXTURE_HOSTILE, FALSE);

  /* Saved at once: the words typed a moment ago are in it. */
  g_assert_true (cw_report_dialog_save (f->dialog, CW_REPORT_FORMAT_TEXT, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Yearly activity report 2025"));
  g_assert_nonnull (strstr (text, "Kofi Mensah Asante"));
  g_assert_nonnull (strstr (text, "Released!"));
  g_assert_null (strstr (text, "<script>"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/report-dialog/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("cases-of-the-year", test_cases_of_the_year);
  ADD ("words/saved-as-typed", test_words_saved_as_typed);
  ADD ("words/saved-on-close", test_words_saved_on_close);
  ADD ("preview", test_preview);
  ADD ("preview/appears", test_preview_appears);
  ADD ("preview/year-twice-quickly", test_year_twice_quickly);
  ADD ("preview/typing-builds-once", test_typing_builds_once);
  ADD ("preview/closed-while-building", test_closed_while_building);
  ADD ("private-switch", test_private_switch);
  ADD ("private-switch/cases", test_private_switch_cases);
  g_test_add_func ("/report-dialog/save-target", test_save_target);
  ADD ("save", test_save);

  return g_test_run ();
}
