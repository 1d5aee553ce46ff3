/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-casefile-import.h"
#include "cw-meeting-dialog.h"
#include "cw-store.h"

/* "Prepare meeting…" under a real (virtual) display: the cases it
 * chooses, the solidarity mail it never offers where a case forbids it,
 * and the letters it logs after the pack is saved. */

#define LONG_TERM_ID "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"
#define URGENT_ID "c2d4e6f8-0a1b-4c3d-8e5f-7a9b1c3d5e7f"

static const CwDate meeting = { 2026, 11, 21, CW_DATE_PRECISION_DAY };

typedef struct {
  char *dir;
  CwStore *store;
  CwMeetingDialog *dialog;
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

static char *
add_case (CwStore      *store,
          const char   *title,
          CwCaseType    type,
          CwCaseStatus  status,
          const char   *deadline)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;

  cw_case_set_title (kase, title);
  cw_case_set_case_type (kase, type);
  cw_case_set_status (kase, status);
  cw_case_set_ua_deadline (kase, deadline);
  cw_store_save_case (store, kase, &error);
  g_assert_no_error (error);
  return g_strdup (cw_case_get_id (kase));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwProfile) profile = cw_profile_new ();

  f->dir = g_dir_make_tmp ("casework-meeting-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_store_open (path, &error);
  g_assert_no_error (error);
  import_sample (f->store, "long-term-case.xml");
  import_sample (f->store, "urgent-action.xml");

  g_free (profile->name);
  profile->name = g_strdup ("Amnesty International Group 123");
  cw_store_save_profile (f->store, profile, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
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

static void
open_dialog (Fixture *f)
{
  f->dialog = CW_MEETING_DIALOG (cw_meeting_dialog_new (NULL, f->store));
  cw_meeting_dialog_set_date (f->dialog, &meeting);
  gtk_window_present (GTK_WINDOW (f->dialog));
  run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->dialog)));
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_preselection (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *paused = add_case (f->store, "A paused case", CW_CASE_TYPE_LONG_TERM,
                                      CW_CASE_STATUS_PAUSED, NULL);
  g_autofree char *expired = add_case (f->store, "An expired urgent action",
                                       CW_CASE_TYPE_URGENT_ACTION, CW_CASE_STATUS_ACTIVE,
                                       "2026-10-01");
  CwDate later = { 2026, 12, 20, CW_DATE_PRECISION_DAY };

  open_dialog (f);

  g_assert_true (cw_meeting_dialog_get_case_selected (f->dialog, LONG_TERM_ID));
  g_assert_true (cw_meeting_dialog_get_case_selected (f->dialog, URGENT_ID));
  g_assert_false (cw_meeting_dialog_get_case_selected (f->dialog, paused));
  g_assert_false (cw_meeting_dialog_get_case_selected (f->dialog, expired));
  g_assert_true (shows_text (GTK_WIDGET (f->dialog), "An expired urgent action"));

  /* Past the urgent action's deadline it is no longer proposed. */
  cw_meeting_dialog_set_date (f->dialog, &later);
  g_assert_true (cw_meeting_dialog_get_case_selected (f->dialog, LONG_TERM_ID));
  g_assert_false (cw_meeting_dialog_get_case_selected (f->dialog, URGENT_ID));

  /* Two briefings, five letters, the envelopes. */
  cw_meeting_dialog_set_date (f->dialog, &meeting);
  g_assert_cmpuint (cw_meeting_dialog_get_n_pages (f->dialog), ==, 2 + 5 + 1);
  run_main_loop (200);
  g_assert_true (shows_text (GTK_WIDGET (f->dialog), "Page 1 of 8"));
}

static void
test_solidarity_not_offered (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) letters = NULL;
  guint solidarity = 0;

  open_dialog (f);
  g_assert_true (cw_meeting_dialog_offers_solidarity (f->dialog, LONG_TERM_ID));
  g_assert_false (cw_meeting_dialog_offers_solidarity (f->dialog, URGENT_ID));
  g_assert_true (shows_text (GTK_WIDGET (f->dialog), "No solidarity mail: its safety settings forbid it"));

  cw_meeting_dialog_set_roles (f->dialog, CW_LETTER_ROLES_ALL);
  letters = cw_meeting_pack_get_letters (cw_meeting_dialog_get_pack (f->dialog));
  for (guint i = 0; i < letters->len; i++)
    {
      CwLetter *letter = g_ptr_array_index (letters, i);

      if (g_str_equal (letter->role, "solidarity"))
        {
          solidarity++;
          g_assert_cmpstr (letter->case_id, ==, LONG_TERM_ID);
        }
    }
  /* The card to Marisol's brother, and none to the students. */
  g_assert_cmpuint (solidarity, ==, 1);
  g_assert_cmpuint (letters->len, ==, 6);
}

static AdwMessageDialog *
find_message_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (f->dialog))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static CwEntry *
entry_on (GPtrArray  *entries,
          const char *date)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (cw_entry_get_date (g_ptr_array_index (entries, i)), date) == 0)
      return g_ptr_array_index (entries, i);
  return NULL;
}

static void
test_logs_letters_after_save (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "meeting.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) long_term = NULL;
  g_autoptr(GPtrArray) urgent = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *question;
  CwEntry *entry;

  open_dialog (f);
  cw_meeting_dialog_set_copies (f->dialog, 2);
  g_assert_true (cw_meeting_dialog_save_pdf (f->dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  run_main_loop (200);
  question = find_message_dialog (f);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "Marisol Quintero Vargas: 6 letters"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question),
                            "Seven students of the Free Press Society: 4 letters"));
  adw_message_dialog_response (question, "log");
  run_main_loop (100);

  long_term = cw_store_list_entries (f->store, LONG_TERM_ID, &error);
  entry = entry_on (long_term, "2026-11-21");
  g_assert_nonnull (entry);
  g_assert_cmpstr (cw_entry_get_title (entry), ==, "6 letters written");
  g_assert_cmpstr (cw_entry_get_kind (entry), ==, "letter");
  g_assert_cmpint (cw_entry_get_category (entry), ==, CW_ENTRY_CATEGORY_ACTIVITY);
  g_assert_cmpint (cw_entry_get_count (entry), ==, 6);

  urgent = cw_store_list_entries (f->store, URGENT_ID, &error);
  entry = entry_on (urgent, "2026-11-21");
  g_assert_nonnull (entry);
  g_assert_cmpint (cw_entry_get_count (entry), ==, 4);
}

static void
test_not_now_logs_nothing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "meeting.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;
  AdwMessageDialog *question;

  open_dialog (f);
  g_assert_true (cw_meeting_dialog_save_pdf (f->dialog, file, NULL));
  run_main_loop (200);
  question = find_message_dialog (f);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "cancel");
  run_main_loop (100);

  entries = cw_store_list_entries (f->store, LONG_TERM_ID, NULL);
  g_assert_null (entry_on (entries, "2026-11-21"));
}

/* A pack without letters is not saved: there is nothing to write. */
static void
test_no_letters_not_saved (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "meeting.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  open_dialog (f);
  cw_meeting_dialog_set_case_selected (f->dialog, LONG_TERM_ID, FALSE);
  cw_meeting_dialog_set_case_selected (f->dialog, URGENT_ID, FALSE);
  g_assert_false (cw_meeting_dialog_save_pdf (f->dialog, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_main_loop (100);
  g_assert_null (find_message_dialog (f));
}

/* A pack of hundreds of cases is laid out in a thread: the dialog shows
 * at once, and the pages follow. A change made meanwhile is the one
 * shown, not the layout it superseded. */
static void
test_laid_out_in_thread (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *label = NULL;
  CwMeetingPack *pack;
  gint64 until;
  guint n_pages;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Defender %u", i);
      g_free (add_case (f->store, title, CW_CASE_TYPE_LONG_TERM, CW_CASE_STATUS_ACTIVE, NULL));
    }

  /* Laid out in a thread: still being, as the dialog comes back. */
  f->dialog = CW_MEETING_DIALOG (cw_meeting_dialog_new (NULL, f->store));
  g_assert_true (cw_meeting_dialog_is_preparing (f->dialog));
  cw_meeting_dialog_set_date (f->dialog, &meeting);
  gtk_window_present (GTK_WINDOW (f->dialog));

  /* Unticked while the first layout runs. */
  cw_meeting_dialog_set_case_selected (f->dialog, LONG_TERM_ID, FALSE);

  until = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  while (cw_meeting_dialog_is_preparing (f->dialog) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (cw_meeting_dialog_is_preparing (f->dialog));

  pack = cw_meeting_dialog_get_pack (f->dialog);
  g_assert_cmpuint (cw_meeting_pack_count_letters (pack, LONG_TERM_ID), ==, 0);
  g_assert_cmpuint (cw_meeting_pack_count_letters (pack, URGENT_ID), >, 0);
  g_assert_cmpuint (cw_meeting_pack_get_n_cases (pack), ==, 201);
  n_pages = cw_meeting_dialog_get_n_pages (f->dialog);
  g_assert_cmpuint (n_pages, >, 200);
  label = g_strdup_printf ("Page 1 of %u", n_pages);
  run_main_loop (100);
  g_assert_true (shows_text (GTK_WIDGET (f->dialog), label));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/meeting-dialog/preselection", Fixture, NULL, fixture_setup, test_preselection,
              fixture_teardown);
  g_test_add ("/meeting-dialog/solidarity-not-offered", Fixture, NULL, fixture_setup,
              test_solidarity_not_offered, fixture_teardown);
  g_test_add ("/meeting-dialog/logs-letters-after-save", Fixture, NULL, fixture_setup,
              test_logs_letters_after_save, fixture_teardown);
  g_test_add ("/meeting-dialog/not-now-logs-nothing", Fixture, NULL, fixture_setup,
              test_not_now_logs_nothing, fixture_teardown);
  g_test_add ("/meeting-dialog/no-letters-not-saved", Fixture, NULL, fixture_setup,
              test_no_letters_not_saved, fixture_teardown);
  g_test_add ("/meeting-dialog/laid-out-in-thread", Fixture, NULL, fixture_setup,
              test_laid_out_in_thread, fixture_teardown);

  return g_test_run ();
}
