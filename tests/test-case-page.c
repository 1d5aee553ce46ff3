/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cw-case-page.h"
#include "cw-list-editor.h"
#include "cw-test-ui.h"

/* The case page under a real (virtual) display: every field of a case,
 * edited in place and saved as it changes, with safety shown first. */

#define LONG_TERM_ID "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"

typedef struct {
  char *dir;
  char *path;
  CwStore *store;
  GtkWindow *window;
  CwCasePage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-page-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
  f->path = g_strdup (cw_store_get_path (f->store));
  cw_test_import_sample (f->store, "long-term-case.xml");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  cw_test_tmp_dir_free (f->dir);
  g_free (f->path);
}

typedef struct {
  GType type;
  const char *title;
} RowQuery;

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  const RowQuery *query = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, query->type) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), query->title) == 0;
}

/* The first row of @type titled @title, in the order the page shows them. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  RowQuery query = { type, title };

  return cw_test_find_widget_where (widget, is_row, &query);
}

static gboolean
is_list (GtkWidget     *widget,
         gconstpointer  title)
{
  return CW_IS_LIST_EDITOR (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static CwListEditor *
find_list (GtkWidget  *widget,
           const char *title)
{
  return CW_LIST_EDITOR (cw_test_find_widget_where (widget, is_list, title));
}

static gboolean
is_add_button (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "list.add") == 0;
}

static GtkWidget *
find_add_button (GtkWidget *widget)
{
  return cw_test_find_widget_where (widget, is_add_button, NULL);
}

static void
open_page (Fixture    *f,
           const char *id)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->page = CW_CASE_PAGE (cw_case_page_new (f->store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_set_default_size (f->window, 1000, 800);
  cw_case_page_set_case_id (f->page, id);
  gtk_window_present (f->window);
  cw_test_run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
}

static GtkWidget *
row (Fixture    *f,
     GType       type,
     const char *title)
{
  GtkWidget *found = find_row (GTK_WIDGET (f->page), type, title);

  g_assert_nonnull (found);
  return found;
}

static void
set_text (GtkWidget  *entry_row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
}

static void
flush_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_case_page_flush (f->page, &error));
  g_assert_no_error (error);
}

/* The case as another program would find it now in the file. */
static CwCase *
reload_from_file (Fixture    *f,
                  const char *id)
{
  g_autoptr(CwStore) other = NULL;
  g_autoptr(GError) error = NULL;
  CwCase *kase;

  other = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  kase = cw_store_load_case (other, id, &error);
  g_assert_no_error (error);
  return kase;
}

static void
test_safety_first (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *public_action;
  g_autoptr(CwCase) kase = NULL;

  open_page (f, LONG_TERM_ID);

  g_assert_cmpstr (cw_case_page_get_case_id (f->page), ==, LONG_TERM_ID);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->page), "Before You Act"));
  g_assert_nonnull (cw_test_find_visible_label_starting (GTK_WIDGET (f->page),
                                                         "Do not name the farming cooperative"));
  g_assert_nonnull (cw_test_find_visible_label_starting (GTK_WIDGET (f->page),
                                                         "Solidarity mail goes to her brother"));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->page), "Public action restricted"));

  /* Restricting public action says so, plainly, before anything else. */
  public_action = row (f, ADW_TYPE_COMBO_ROW, "Public Action");
  adw_combo_row_set_selected (ADW_COMBO_ROW (public_action), 2);
  cw_test_run_main_loop (50);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->page), "Public action restricted"));
  flush_ok (f);

  kase = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_public_action (kase), ==, "restricted");
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 2);
}

static void
test_title_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CwCase) flushed = NULL;
  g_autoptr(CwCase) waited = NULL;

  open_page (f, LONG_TERM_ID);

  set_text (row (f, ADW_TYPE_ENTRY_ROW, "Title"), "Marisol Quintero");
  flush_ok (f);
  flushed = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_title (flushed), ==, "Marisol Quintero");
  /* The rest of the case is as it was. */
  g_assert_cmpuint (cw_case_get_targets (flushed)->len, ==, 4);
  g_assert_cmpstr (cw_case_get_country_code (flushed), ==, "CO");

  /* Without a flush, the edit is saved a moment after the last change. */
  set_text (row (f, ADW_TYPE_ENTRY_ROW, "Title"), "Marisol Q. Vargas");
  cw_test_run_main_loop (800);
  waited = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_title (waited), ==, "Marisol Q. Vargas");
}

static void
test_partial_dates (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *opened, *arrested;
  g_autoptr(CwCase) kase = NULL;

  open_page (f, LONG_TERM_ID);
  opened = row (f, ADW_TYPE_ENTRY_ROW, "Taken On");
  arrested = row (f, ADW_TYPE_ENTRY_ROW, "Arrested");
  g_assert_nonnull (cw_test_find_visible_label (opened, "20 January 2026"));

  set_text (opened, "2025-03");
  set_text (arrested, "2025-03");
  cw_test_run_main_loop (50);
  g_assert_nonnull (cw_test_find_visible_label (opened, "March 2025"));
  g_assert_nonnull (cw_test_find_visible_label (arrested, "March 2025"));

  /* A year is shown as it is written, with nothing beside it. */
  set_text (arrested, "2024");
  cw_test_run_main_loop (50);
  g_assert_null (cw_test_find_visible_label (arrested, "March 2025"));
  set_text (arrested, "2025-03");
  flush_ok (f);

  /* A month stays a month: never the 1st of it. */
  kase = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_opened (kase), ==, "2025-03");
  g_assert_nonnull (cw_case_get_detention (kase));
  g_assert_cmpstr (cw_case_get_detention (kase)->arrested, ==, "2025-03");
}

static void
test_impossible_date (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = NULL;
  GtkWidget *opened, *title;

  open_page (f, LONG_TERM_ID);
  opened = row (f, ADW_TYPE_ENTRY_ROW, "Taken On");
  title = row (f, ADW_TYPE_ENTRY_ROW, "Title");

  set_text (opened, "2026-02-30");
  set_text (title, "");
  set_text (row (f, ADW_TYPE_ENTRY_ROW, "Country"), "República de Colombia");
  cw_test_run_main_loop (800);

  /* What was typed stays on screen, marked, with the reason. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (opened)), ==, "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (opened, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (opened), "not a real date"));
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (title), "title"));

  /* The flush says what was not kept, and saves everything else. */
  g_assert_false (cw_case_page_flush (f->page, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  kase = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_opened (kase), ==, "2026-01-20");
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Marisol Quintero Vargas");
  g_assert_cmpstr (cw_case_get_country_name (kase), ==, "República de Colombia");

  /* Put right, the mark goes and the value is kept. */
  set_text (opened, "2026-02-28");
  g_assert_false (gtk_widget_has_css_class (opened, "error"));
  g_assert_nonnull (cw_test_find_visible_label (opened, "28 February 2026"));
}

static void
test_add_target (Fixture       *f,
                 gconstpointer  data)
{
  CwListEditor *targets;
  GtkWidget *new_row, *add, *focus;
  g_autoptr(CwCase) kase = NULL;
  CwTarget *target;

  open_page (f, LONG_TERM_ID);
  targets = find_list (GTK_WIDGET (f->page), "Targets");
  g_assert_nonnull (targets);
  add = find_add_button (GTK_WIDGET (targets));
  g_assert_nonnull (add);

  /* A button pressed from the keyboard clicks once it has shown itself pressed. */
  gtk_widget_activate (add);
  cw_test_run_main_loop (400);
  new_row = cw_list_editor_get_row (targets, 4);
  g_assert_true (ADW_IS_EXPANDER_ROW (new_row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (new_row)));

  set_text (find_row (new_row, ADW_TYPE_ENTRY_ROW, "Title"), "Minister of Justice");
  set_text (find_row (new_row, ADW_TYPE_ENTRY_ROW, "Language"), "es");
  set_text (find_row (new_row, ADW_TYPE_ENTRY_ROW, "Salutation"), "Señor Ministro");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (new_row, ADW_TYPE_COMBO_ROW, "Role")), 1);
  flush_ok (f);
  /* The row is named after what was typed. */
  g_assert_nonnull (cw_test_find_visible_label (new_row, "Minister of Justice"));

  /* A new note is ready to be written. */
  gtk_widget_activate_action (GTK_WIDGET (find_list (GTK_WIDGET (f->page), "Safety Notes")),
                              "list.add", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)),
                            "Never use her home address.", -1);
  flush_ok (f);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->page), "Never use her home address."));

  kase = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 3);
  g_assert_cmpuint (cw_case_get_targets (kase)->len, ==, 5);
  target = g_ptr_array_index (cw_case_get_targets (kase), 4);
  g_assert_cmpstr (target->title, ==, "Minister of Justice");
  g_assert_cmpstr (target->language, ==, "es");
  g_assert_cmpstr (target->salutation, ==, "Señor Ministro");
  g_assert_cmpstr (target->role, ==, "appeal");
}

/* The list editor moves a row when the main loop is next idle. */
static gboolean
third_target_expanded (gpointer targets)
{
  GtkWidget *row = cw_list_editor_get_row (targets, 2);

  return row != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
}

static gboolean
cooperative_note_gone (gpointer page)
{
  return cw_test_find_visible_label_starting (GTK_WIDGET (page),
                                              "Do not name the farming cooperative") == NULL;
}

static void
test_reorder_and_remove (Fixture       *f,
                         gconstpointer  data)
{
  CwListEditor *notes, *targets;
  g_autoptr(CwCase) kase = NULL;

  open_page (f, LONG_TERM_ID);
  notes = find_list (GTK_WIDGET (f->page), "Safety Notes");
  targets = find_list (GTK_WIDGET (f->page), "Targets");

  /* As the rows' menus do it. An open row stays open as it moves. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (cw_list_editor_get_row (targets, 3)), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (targets), "list.move-up", "u", 3);
  g_assert_true (cw_test_wait_for (third_target_expanded, targets));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (cw_list_editor_get_row (targets, 2))));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (cw_list_editor_get_row (targets, 3))));
  gtk_widget_activate_action (GTK_WIDGET (notes), "list.remove", "u", 0);
  g_assert_true (cw_test_wait_for (cooperative_note_gone, f->page));
  g_assert_nonnull (cw_test_find_visible_label_starting (GTK_WIDGET (f->page),
                                                         "Solidarity mail goes to her brother"));
  flush_ok (f);

  kase = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpuint (cw_case_get_safety_notes (kase)->len, ==, 1);
  g_assert_cmpstr (((CwTarget *) g_ptr_array_index (cw_case_get_targets (kase), 2))->name, ==,
                   "Tomás Quintero");
  g_assert_cmpstr (((CwTarget *) g_ptr_array_index (cw_case_get_targets (kase), 3))->title, ==,
                   "Ambassador");
}

static void
test_switch_saves (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = NULL;
  const char *other_id = NULL;
  GtkScrolledWindow *scrolled;

  cw_test_import_sample (f->store, "urgent-action.xml");
  cases = cw_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (cw_case_get_id (cases->pdata[i]), LONG_TERM_ID) != 0)
      other_id = cw_case_get_id (cases->pdata[i]);
  g_assert_nonnull (other_id);

  open_page (f, LONG_TERM_ID);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (f->page)));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 1500);
  set_text (row (f, ADW_TYPE_ENTRY_ROW, "Title"), "Marisol, edited");
  cw_case_page_set_case_id (f->page, other_id);
  cw_test_run_main_loop (100);
  /* Another case is shown from the top, safety first. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)), ==, 0);

  kase = reload_from_file (f, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Marisol, edited");
  g_assert_cmpstr (cw_case_page_get_case_id (f->page), ==, other_id);
  /* An urgent action shows its own section. */
  g_assert_true (gtk_widget_get_mapped (row (f, ADW_TYPE_ENTRY_ROW, "Deadline")));

  cw_case_page_set_case_id (f->page, NULL);
  g_assert_null (cw_case_page_get_case_id (f->page));
}

static void
change_title_elsewhere (Fixture    *f,
                        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = cw_store_load_case (f->store, LONG_TERM_ID, &error);

  g_assert_no_error (error);
  cw_case_set_title (kase, title);
  cw_store_save_case (f->store, kase, &error);
  g_assert_no_error (error);
}

static void
log_activity (Fixture *f)
{
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autoptr(GError) error = NULL;

  cw_entry_set_case_id (entry, LONG_TERM_ID);
  cw_entry_set_date (entry, "2026-06-01");
  cw_entry_set_kind (entry, "letter");
  cw_entry_set_title (entry, "Letters at the June meeting");
  cw_store_save_entry (f->store, entry, &error);
  g_assert_no_error (error);
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *title, *country, *person;

  open_page (f, LONG_TERM_ID);
  title = row (f, ADW_TYPE_ENTRY_ROW, "Title");
  country = row (f, ADW_TYPE_ENTRY_ROW, "Country");

  change_title_elsewhere (f, "Changed by an import");
  cw_test_run_main_loop (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Changed by an import");

  /* Logging an activity touches the case but changes nothing shown: an
   * open row stays open. */
  person = cw_list_editor_get_row (find_list (GTK_WIDGET (f->page), "People"), 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (person), TRUE);
  log_activity (f);
  cw_test_run_main_loop (50);
  g_assert_true (cw_list_editor_get_row (find_list (GTK_WIDGET (f->page), "People"), 0) == person);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (person)));

  /* What someone is typing is not thrown away. */
  set_text (country, "Colombia (typed)");
  change_title_elsewhere (f, "Changed again");
  cw_test_run_main_loop (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (country)), ==, "Colombia (typed)");
}

static void
make_read_only (Fixture *f)
{
  g_clear_object (&f->store);
  cw_test_set_schema_version (f->path, CW_STORE_SCHEMA_VERSION + 1);
  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_true (cw_store_get_read_only (f->store));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  CwListEditor *people;

  make_read_only (f);
  open_page (f, LONG_TERM_ID);

  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row (f, ADW_TYPE_ENTRY_ROW, "Title"))));
  g_assert_false (gtk_widget_get_sensitive (row (f, ADW_TYPE_COMBO_ROW, "Status")));
  people = find_list (GTK_WIDGET (f->page), "People");
  g_assert_false (cw_list_editor_get_editable (people));
  g_assert_false (gtk_widget_get_visible (find_add_button (GTK_WIDGET (people))));
  /* Safety is still there to read. */
  g_assert_nonnull (cw_test_find_visible_label_starting (GTK_WIDGET (f->page),
                                                         "Do not name the farming cooperative"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/case-page/safety-first", Fixture, NULL, fixture_setup, test_safety_first,
              fixture_teardown);
  g_test_add ("/case-page/title-kept", Fixture, NULL, fixture_setup, test_title_kept,
              fixture_teardown);
  g_test_add ("/case-page/partial-dates", Fixture, NULL, fixture_setup, test_partial_dates,
              fixture_teardown);
  g_test_add ("/case-page/impossible-date", Fixture, NULL, fixture_setup, test_impossible_date,
              fixture_teardown);
  g_test_add ("/case-page/add-target", Fixture, NULL, fixture_setup, test_add_target,
              fixture_teardown);
  g_test_add ("/case-page/reorder-and-remove", Fixture, NULL, fixture_setup,
              test_reorder_and_remove, fixture_teardown);
  g_test_add ("/case-page/switch-saves", Fixture, NULL, fixture_setup, test_switch_saves,
              fixture_teardown);
  g_test_add ("/case-page/follows-store", Fixture, NULL, fixture_setup, test_follows_store,
              fixture_teardown);
  g_test_add ("/case-page/read-only", Fixture, NULL, fixture_setup, test_read_only,
              fixture_teardown);

  return g_test_run ();
}
