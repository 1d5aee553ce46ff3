/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cw-test-ui.h"
#include "cw-timeline-view.h"

/* A case's timeline under a real (virtual) display: logging an activity
 * from the form, the month headings, private entries, edit, delete and
 * undo, and a case with 50,000 entries. */

typedef struct {
  char *dir;
  char *path;
  CwStore *store;
  char *case_id;
  GtkWindow *window;
  CwTimelineView *view;
  GPtrArray *deleted;       /* CwEntry, as "entry-deleted" gave them */
} Fixture;

static char *
save_new_case (CwStore *store)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;

  cw_case_set_title (kase, "Jane Doe");
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, "Example Country");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return g_strdup (cw_case_get_id (kase));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-timeline-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
  f->path = g_strdup (cw_store_get_path (f->store));
  f->case_id = save_new_case (f->store);
  f->deleted = g_ptr_array_new_with_free_func (g_object_unref);
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
  g_free (f->case_id);
  g_ptr_array_unref (f->deleted);
}

static guint
count_visible_labels (GtkWidget  *widget,
                      const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_visible_labels (child, text);
  return n;
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return cw_test_find_widget_where (widget, is_button, label);
}

static gboolean
is_entry_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The list of entries, not the one in the kind list's popup. */
static GtkListView *
find_entry_list (GtkWidget *widget)
{
  return GTK_LIST_VIEW (cw_test_find_widget_where (widget, is_entry_list, NULL));
}

static void
entry_deleted_cb (CwTimelineView *view,
                  CwEntry        *deleted,
                  Fixture        *f)
{
  g_ptr_array_add (f->deleted, g_object_ref (deleted));
}

static void
open_view (Fixture    *f,
           const char *case_id)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 700, 1000);
  f->view = CW_TIMELINE_VIEW (cw_timeline_view_new (f->store));
  g_signal_connect (f->view, "entry-deleted", G_CALLBACK (entry_deleted_cb), f);
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  cw_timeline_view_set_case_id (f->view, case_id);
  gtk_window_present (f->window);
  cw_test_run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

static CwEntry *
save_entry (Fixture    *f,
            const char *date,
            const char *kind,
            gint64      count,
            gboolean    is_private,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  CwEntry *entry = cw_entry_new ();

  cw_entry_set_case_id (entry, f->case_id);
  cw_entry_set_date (entry, date);
  cw_entry_set_kind (entry, kind);
  cw_entry_set_count (entry, count);
  cw_entry_set_private (entry, is_private);
  cw_entry_set_title (entry, title);
  g_assert_true (cw_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static GPtrArray *
stored_entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = cw_store_list_entries (f->store, f->case_id, &error);

  g_assert_no_error (error);
  return entries;
}

static char *
today_iso (void)
{
  CwDate today;

  cw_date_today (&today);
  return cw_date_to_iso (&today);
}

/* ------------------------------------------------------------------ */

static void
test_log_activity (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *today = today_iso ();
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *count, *title, *log_button, *focus;
  GtkDropDown *kind;
  CwEntry *entry;

  open_view (f, f->case_id);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Nothing logged yet"));

  /* The shortcut puts the focus in the count, with letters as the kind. */
  cw_timeline_view_focus_log (f->view);
  count = cw_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_SPIN_BUTTON);
  kind = GTK_DROP_DOWN (cw_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == count || gtk_widget_is_ancestor (focus, count));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (kind)), ==,
                   "activity/letter");

  /* "1", "4", Enter. */
  gtk_editable_set_text (GTK_EDITABLE (count), "14");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (count)), "activate");
  cw_test_run_main_loop (200);

  entries = stored_entries (f);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (cw_entry_get_category (entry), ==, CW_ENTRY_CATEGORY_ACTIVITY);
  g_assert_cmpstr (cw_entry_get_kind (entry), ==, "letter");
  g_assert_cmpint (cw_entry_get_count (entry), ==, 14);
  g_assert_cmpstr (cw_entry_get_date (entry), ==, today);
  g_assert_cmpstr (cw_entry_get_title (entry), ==, "14 letters");
  g_assert_false (cw_entry_get_private (entry));
  g_assert_null (cw_entry_get_notes (entry));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "14 letters"));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->view), "Nothing logged yet"));

  /* The form is ready for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (count)), ==, "");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == count || gtk_widget_is_ancestor (focus, count));

  /* A title of one's own, with the Log button. */
  title = cw_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_ENTRY);
  log_button = find_button (GTK_WIDGET (f->view), "_Log");
  g_assert_nonnull (log_button);
  gtk_editable_set_text (GTK_EDITABLE (count), "3");
  gtk_editable_set_text (GTK_EDITABLE (title), "Cards at the stall");
  gtk_drop_down_set_selected (kind, 2);
  g_signal_emit_by_name (log_button, "clicked");
  cw_test_run_main_loop (200);

  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = stored_entries (f);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Cards at the stall"));
  entry = g_ptr_array_index (entries, 0);
  if (g_strcmp0 (cw_entry_get_title (entry), "Cards at the stall") != 0)
    entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (cw_entry_get_kind (entry), ==, "card");
  g_assert_cmpint (cw_entry_get_count (entry), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "");
}

static void
test_log_without_count (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *title;
  GtkDropDown *kind;
  CwEntry *entry;

  open_view (f, f->case_id);

  /* An outcome, no count: the title is the kind. */
  kind = GTK_DROP_DOWN (cw_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (kind, 13);
  title = cw_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_ENTRY);
  g_signal_emit_by_name (title, "activate");
  cw_test_run_main_loop (200);

  entries = stored_entries (f);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (cw_entry_get_category (entry), ==, CW_ENTRY_CATEGORY_OUTCOME);
  g_assert_cmpstr (cw_entry_get_kind (entry), ==, "reply");
  g_assert_cmpint (cw_entry_get_count (entry), ==, CW_ENTRY_NO_COUNT);
  g_assert_cmpstr (cw_entry_get_title (entry), ==, "Reply");
}

static void
test_month_headers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwEntry) a G_GNUC_UNUSED = save_entry (f, "2026-03-07", "letter", 14, FALSE, "Letters in March");
  g_autoptr(CwEntry) b = save_entry (f, "2026-03-01", "email", 3, FALSE, "Emails in March");
  g_autoptr(CwEntry) c = save_entry (f, "2026-02-10", "card", 8, FALSE, "Cards in February");
  g_autoptr(CwEntry) d G_GNUC_UNUSED = save_entry (f, "2025-12", "meeting", -1, FALSE, "A meeting in December");
  g_autoptr(CwEntry) e G_GNUC_UNUSED = save_entry (f, "2025", "petition", 300, FALSE, "Signatures that year");
  g_autoptr(CwEntry) later = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  open_view (f, f->case_id);
  view = GTK_WIDGET (f->view);

  g_assert_cmpuint (count_visible_labels (view, "March 2026"), ==, 1);
  g_assert_cmpuint (count_visible_labels (view, "February 2026"), ==, 1);
  g_assert_cmpuint (count_visible_labels (view, "December 2025"), ==, 1);
  g_assert_cmpuint (count_visible_labels (view, "2025"), ==, 1);
  /* Each entry's date at its own precision. */
  g_assert_nonnull (cw_test_find_visible_label (view, "7 March 2026 · Letters"));
  g_assert_nonnull (cw_test_find_visible_label (view, "December 2025 · Meeting"));
  g_assert_nonnull (cw_test_find_visible_label (view, "2025 · Petition signatures"));
  g_assert_nonnull (cw_test_find_visible_label (view, "14"));

  /* A new entry on top of its month takes the heading from the row below. */
  later = save_entry (f, "2026-03-20", "letter", 2, FALSE, "More letters in March");
  cw_test_run_main_loop (200);
  g_assert_cmpuint (count_visible_labels (view, "March 2026"), ==, 1);

  /* An entry moved to another month leaves its heading to the next row. */
  cw_entry_set_date (c, "2026-03-02");
  g_assert_true (cw_store_save_entry (f->store, c, &error));
  g_assert_no_error (error);
  cw_test_run_main_loop (200);
  g_assert_cmpuint (count_visible_labels (view, "March 2026"), ==, 1);
  g_assert_cmpuint (count_visible_labels (view, "February 2026"), ==, 0);
  cw_entry_set_date (b, "2026-02-28");
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  cw_test_run_main_loop (200);
  g_assert_cmpuint (count_visible_labels (view, "February 2026"), ==, 1);

  /* Deleting the first of a month moves the heading down. */
  g_assert_true (cw_store_delete_entry (f->store, cw_entry_get_id (later), &error));
  g_assert_no_error (error);
  cw_test_run_main_loop (200);
  g_assert_cmpuint (count_visible_labels (view, "March 2026"), ==, 1);
}

static void
test_private_marked (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CwEntry) shared G_GNUC_UNUSED = save_entry (f, "2026-05-01", "letter", 10, FALSE, "Letters");
  g_autoptr(CwEntry) secret G_GNUC_UNUSED = save_entry (f, "2026-05-19", "media", -1, TRUE,
                                          "Interview with the local paper");
  GtkWidget *list;

  open_view (f, f->case_id);
  list = GTK_WIDGET (find_entry_list (GTK_WIDGET (f->view)));
  g_assert_nonnull (list);

  /* One marker, on the private entry's row. */
  g_assert_cmpuint (count_visible_labels (list, "Private"), ==, 1);
  g_assert_nonnull (cw_test_find_visible_label (list, "Interview with the local paper"));
}

/* A mapped kind icon of the timeline whose accessible description is @data. */
static gboolean
is_kind_icon (GtkWidget     *widget,
              gconstpointer  data)
{
  g_autofree char *mismatch = NULL;

  if (!GTK_IS_IMAGE (widget) || !gtk_widget_get_mapped (widget) || !gtk_widget_get_has_tooltip (widget))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 data);
  return mismatch == NULL;
}

static gboolean
has_tooltip_text (GtkWidget     *widget,
                  gconstpointer  data)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* Each row's icon says the entry's kind, when hovered and to a screen
 * reader; the private marker and the menu say what they are. */
static void
test_row_tooltips (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwEntry) shared G_GNUC_UNUSED = save_entry (f, "2026-05-01", "letter", 10, FALSE, "Letters");
  g_autoptr(CwEntry) secret = save_entry (f, "2026-05-19", "media", -1, TRUE, "Interview with the local paper");
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *list, *icon;
  gboolean shown = FALSE;

  open_view (f, f->case_id);
  list = GTK_WIDGET (find_entry_list (GTK_WIDGET (f->view)));

  g_assert_nonnull (cw_test_find_widget_where (list, is_kind_icon, "Letters"));
  icon = cw_test_find_widget_where (list, is_kind_icon, "Media");
  g_assert_nonnull (icon);
  g_signal_emit_by_name (icon, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_assert_nonnull (cw_test_find_widget_where (list, has_tooltip_text,
                                               "Private: public exports and reports leave this entry out"));
  g_assert_nonnull (cw_test_find_widget_where (list, has_tooltip_text, "Entry Menu"));

  /* The row that shows the entry once it is of another kind says so. */
  cw_entry_set_kind (secret, "vigil");
  g_assert_true (cw_store_save_entry (f->store, secret, &error));
  g_assert_no_error (error);
  cw_test_run_main_loop (200);
  g_assert_null (cw_test_find_widget_where (list, is_kind_icon, "Media"));
  g_assert_nonnull (cw_test_find_widget_where (list, is_kind_icon, "Vigil"));
}

static void
test_delete_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwEntry) keep = save_entry (f, "2026-05-01", "letter", 10, FALSE, "Letters we keep");
  g_autoptr(CwEntry) gone = save_entry (f, "2026-04-01", "vigil", 30, TRUE, "Vigil at the embassy");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *title;
  CwEntry *deleted;

  open_view (f, f->case_id);
  title = cw_test_find_visible_label (GTK_WIDGET (f->view), "Vigil at the embassy");
  g_assert_nonnull (title);

  /* From the row's menu. */
  g_assert_true (gtk_widget_activate_action (title, "row.delete", NULL));
  cw_test_run_main_loop (200);

  entries = stored_entries (f);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (cw_entry_get_id (g_ptr_array_index (entries, 0)), ==, cw_entry_get_id (keep));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->view), "Vigil at the embassy"));

  g_assert_cmpuint (f->deleted->len, ==, 1);
  deleted = g_ptr_array_index (f->deleted, 0);
  g_assert_cmpstr (cw_entry_get_id (deleted), ==, cw_entry_get_id (gone));
  g_assert_cmpstr (cw_entry_get_title (deleted), ==, "Vigil at the embassy");
  g_assert_cmpint (cw_entry_get_count (deleted), ==, 30);
  g_assert_true (cw_entry_get_private (deleted));

  /* Undo. */
  g_assert_true (cw_timeline_view_restore_entry (f->view, deleted, &error));
  g_assert_no_error (error);
  cw_test_run_main_loop (200);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = stored_entries (f);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (cw_entry_get_id (g_ptr_array_index (entries, 1)), ==, cw_entry_get_id (gone));
  g_assert_cmpstr (cw_entry_get_date (g_ptr_array_index (entries, 1)), ==, "2026-04-01");
  g_assert_true (cw_entry_get_private (g_ptr_array_index (entries, 1)));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Vigil at the embassy"));
}

static void
edit_title (Fixture    *f,
            CwEntry    *entry,
            const char *title)
{
  AdwMessageDialog *dialog;
  GtkWidget *field;

  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.edit", "s", cw_entry_get_id (entry));
  cw_test_run_main_loop (100);
  dialog = cw_test_find_dialog (NULL);
  g_assert_nonnull (dialog);

  field = cw_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, cw_entry_get_title (entry));
  gtk_editable_set_text (GTK_EDITABLE (field), title);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cw_test_run_main_loop (100);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CwEntry) entry = save_entry (f, "2025-12", "meeting", 12, TRUE, "Monthly meeting");
  g_autoptr(CwEntry) loaded = NULL;
  g_autoptr(GError) error = NULL;

  open_view (f, f->case_id);
  edit_title (f, entry, "December meeting");

  loaded = cw_store_load_entry (f->store, cw_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_entry_get_title (loaded), ==, "December meeting");
  /* What the user did not touch stays as it was, month precision too. */
  g_assert_cmpstr (cw_entry_get_date (loaded), ==, "2025-12");
  g_assert_cmpstr (cw_entry_get_kind (loaded), ==, "meeting");
  g_assert_cmpint (cw_entry_get_count (loaded), ==, 12);
  g_assert_true (cw_entry_get_private (loaded));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "December meeting"));

  /* The dialog's fields come back for the next edit. */
  edit_title (f, loaded, "Group meeting");
  g_clear_object (&loaded);
  loaded = cw_store_load_entry (f->store, cw_entry_get_id (entry), &error);
  g_assert_cmpstr (cw_entry_get_title (loaded), ==, "Group meeting");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CwEntry) entry G_GNUC_UNUSED = save_entry (f, "2026-05-01", "letter", 10, FALSE, "Letters");
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *view, *title, *menu;

  /* A database from a newer Casework opens read-only. */
  g_clear_object (&f->store);
  cw_test_set_schema_version (f->path, 999);
  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_true (cw_store_get_read_only (f->store));

  open_view (f, f->case_id);
  view = GTK_WIDGET (f->view);
  title = cw_test_find_visible_label (view, "Letters");
  g_assert_nonnull (title);

  /* Nothing offers to change it. */
  g_assert_null (cw_test_find_visible_label (view, "Log an Activity"));
  g_assert_false (gtk_widget_get_mapped (find_button (view, "_Log")));
  menu = cw_test_find_widget (GTK_WIDGET (find_entry_list (view)), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu);
  g_assert_false (gtk_widget_get_mapped (menu));
  gtk_widget_activate_action (title, "row.delete", NULL);
  gtk_widget_activate_action (view, "timeline.log", NULL);
  cw_test_run_main_loop (100);
  entries = stored_entries (f);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_null (cw_test_find_dialog (NULL));
}

static void
test_no_case (Fixture       *f,
              gconstpointer  data)
{
  open_view (f, NULL);

  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Nothing logged yet"));
  g_assert_null (cw_timeline_view_get_case_id (f->view));
  /* Nothing to log into. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->view), "_Log")));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.log", NULL);
  cw_test_run_main_loop (100);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Nothing logged yet"));

  cw_timeline_view_set_case_id (f->view, f->case_id);
  g_assert_cmpstr (cw_timeline_view_get_case_id (f->view), ==, f->case_id);
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->view), "_Log")));
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* Runs the main loop until the window has drawn itself once more. */
static void
wait_for_paint (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint painted = 0;

  g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  while (painted == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &painted);
}

/* Scrolls half a page a frame, as a quick flick would, and says how long
 * each frame took to lay out and draw; then jumps to the middle. */
static void
measure_scrolling (Fixture     *f,
                   GtkListView *list)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  const guint n_frames = 60;
  double total = 0, slowest = 0;
  gint64 start;

  for (guint i = 0; i < n_frames; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 2);
      wait_for_paint (f);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      total += ms;
      slowest = MAX (slowest, ms);
    }
  g_test_message ("scrolling half a page a frame: %.1f ms a frame on average, %.1f ms at most",
                  total / n_frames, slowest);

  start = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_for_paint (f);
  g_test_message ("a jump to the middle: drawn after %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
}

static void
add_many_entries (Fixture *f,
                  guint    n_entries)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (f->store, &error));
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 1900 + i / 336,
                                               1 + (i / 28) % 12, 1 + i % 28);
      g_autofree char *title = g_strdup_printf ("Letters, batch %u", i);
      g_autoptr(CwEntry) entry = cw_entry_new ();

      cw_entry_set_case_id (entry, f->case_id);
      cw_entry_set_date (entry, date);
      cw_entry_set_kind (entry, "letter");
      cw_entry_set_count (entry, 1 + i % 20);
      cw_entry_set_title (entry, title);
      if (i % 3 == 0)
        cw_entry_set_notes (entry, "Written at the monthly meeting: to the embassy, the minister "
                                   "of justice and the prison governor, asking for her release "
                                   "and for her lawyer to be allowed to see her.");
      g_assert_true (cw_store_save_entry (f->store, entry, &error));
    }
  g_assert_true (cw_store_commit (f->store, &error));
  g_assert_no_error (error);
}

static gboolean
has_all_entries (gpointer data)
{
  return g_list_model_get_n_items (data) == 50000;
}

static void
test_many_entries (Fixture       *f,
                   gconstpointer  data)
{
  const guint n_entries = 50000;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkListView *list;
  GListModel *model;
  gint64 start;
  double load_ms;

  add_many_entries (f, n_entries);

  start = g_get_monotonic_time ();
  entries = cw_store_list_entries (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_test_message ("%u entries: the store reads them in %.0f ms", n_entries,
                  (g_get_monotonic_time () - start) / 1000.0);

  open_view (f, NULL);
  list = find_entry_list (GTK_WIDGET (f->view));

  start = g_get_monotonic_time ();
  cw_timeline_view_set_case_id (f->view, f->case_id);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  wait_for_paint (f);
  g_test_message ("the view takes the case in %.0f ms, and has drawn it after %.0f ms",
                  load_ms, (g_get_monotonic_time () - start) / 1000.0);

  /* The newest entries first, and the count of them all; the rest come
   * while the main loop runs. */
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_entries);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Letters, batch 49999"));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "50000 entries"));
  g_assert_true (cw_test_wait_for (has_all_entries, model));
  g_test_message ("all %u entries are in the list after %.0f ms", n_entries,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->view), "Letters, batch 49999"));
  /* Virtualised: rows for what is on screen and a margin, not one per entry. */
  g_assert_cmpuint (count_children (GTK_WIDGET (list)), <, 250);

  measure_scrolling (f, list);
  g_assert_cmpuint (count_children (GTK_WIDGET (list)), <, 250);
}

int
main (int   argc,
      char *argv[])
{
  /* The suite runs without accessibility; these tests read what a screen
   * reader would be told, through GTK's own test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/timeline/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("log-activity", test_log_activity);
  ADD ("log-without-count", test_log_without_count);
  ADD ("month-headers", test_month_headers);
  ADD ("private-marked", test_private_marked);
  ADD ("row-tooltips", test_row_tooltips);
  ADD ("delete-and-restore", test_delete_and_restore);
  ADD ("edit", test_edit);
  ADD ("read-only", test_read_only);
  ADD ("no-case", test_no_case);
  ADD ("many-entries", test_many_entries);

#undef ADD

  return g_test_run ();
}
