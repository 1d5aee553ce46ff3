/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-window"

#include <glib/gi18n.h>

#include "cw-case-list.h"
#include "cw-case-row.h"
#include "cw-meeting-dialog.h"
#include "cw-preferences-window.h"
#include "cw-report-dialog.h"
#include "cw-templates-window.h"
#include "cw-timing.h"
#include "cw-window-private.h"

/*
 * The main window: the case list in a sidebar beside the selected case.
 * Below about 700 px the two fold into one column (AdwLeaflet).
 */
G_DEFINE_FINAL_TYPE (CwWindow, cw_window, ADW_TYPE_APPLICATION_WINDOW)

static int
compare_cases (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CwWindow *self = user_data;

  return cw_case_compare_for_list (CW_CASE ((gpointer) a), CW_CASE ((gpointer) b), &self->today);
}

/* Deadlines are counted from today; when the day changes, so does the
 * order. */
static gboolean
check_day_cb (gpointer user_data)
{
  CwWindow *self = user_data;
  GDate now;

  g_date_clear (&now, 1);
  g_date_set_time_t (&now, time (NULL));
  if (g_date_compare (&now, &self->today) != 0)
    {
      self->today = now;
      gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
  return G_SOURCE_CONTINUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, cw_case_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  cw_case_row_set_case (CW_CASE_ROW (gtk_list_item_get_child (item)),
                        gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  cw_case_row_set_case (CW_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

static const char *
sidebar_page (CwWindow *self,
              guint     n_cases,
              guint     n_shown)
{
  if (n_cases == 0)
    return "none";
  return n_shown > 0 ? "list" : "no-match";
}

void
cw_window_update_content (CwWindow *self)
{
  CwCase *kase = cw_window_get_selected_case (self);
  guint n_cases = self->cases != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cases)) : 0;
  guint n_shown = self->selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->sidebar_stack, sidebar_page (self, n_cases, n_shown));
  if (n_shown < n_cases)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u case", "%'u of %'u cases",
                                             n_cases), n_shown, n_cases);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u case", "%'u cases", n_cases),
                                n_cases);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  gtk_widget_set_visible (self->case_menu_button, kase != NULL);

  if (kase == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, n_cases > 0 ? "unselected" : "empty");
      adw_window_title_set_title (self->content_title, "");
      return;
    }

  adw_window_title_set_title (self->content_title, cw_case_get_title (kase));
  gtk_stack_set_visible_child_name (self->content_stack, "case");
}

static void
update_actions (CwWindow *self)
{
  gboolean writable = self->store != NULL && !cw_store_get_read_only (self->store);
  gboolean selected = cw_window_get_selected_case (self) != NULL;
  gboolean any = self->cases != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->cases)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-samples", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-case", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.handover-case", selected && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.log-activity", selected && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.prepare-meeting", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.yearly-report", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.letter-templates", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case", selected && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete", writable);
  /* Nothing to search while the database is not open. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), self->store != NULL);
}

/* The case page keeps a case whose changes could not be saved rather
 * than show @id: the list goes back to that case, and says why. */
static gboolean
case_page_kept_unsaved (CwWindow   *self,
                        const char *id)
{
  g_autofree char *kept = g_strdup (cw_case_page_get_case_id (self->case_page));

  if (kept == NULL || g_strcmp0 (kept, id) == 0)
    return FALSE;

  cw_window_select_case (self, kept);
  cw_window_show_error (self, _("Your Changes Could Not Be Saved"),
                        _("The case you were editing stays open, with everything you typed, "
                          "until its changes can be saved. Its page says what went wrong."));
  return TRUE;
}

static void
selection_changed_cb (CwWindow *self)
{
  CwCase *kase = cw_window_get_selected_case (self);
  const char *id = kase != NULL ? cw_case_get_id (kase) : NULL;

  /* Filtering can take a case out of the list while it is shown; it stays
   * shown until another is picked. */
  if (id != NULL)
    {
      gint64 start = g_get_monotonic_time ();

      cw_case_page_set_case_id (self->case_page, id);
      if (case_page_kept_unsaved (self, id))
        return;
      cw_timeline_view_set_case_id (self->timeline, id);
      cw_timing_after_next_frame (GTK_WIDGET (self->timeline), start,
                                  "casework: case and timeline shown %.0f ms after picking it, %u entries",
                                  cw_timeline_view_get_n_entries (self->timeline));
    }

  cw_window_update_content (self);
  update_actions (self);

  /* On a narrow window, picking a case shows it. */
  if (cw_window_get_selected_case (self) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
activate_cb (CwWindow    *self,
             guint        position,
             GtkListView *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
items_changed_cb (CwWindow   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  cw_window_update_content (self);
  update_actions (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
prepare_meeting_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cw_meeting_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
yearly_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cw_report_dialog_new (GTK_WINDOW (self), self->store)));
}

static void
letter_templates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cw_templates_window_new (GTK_WINDOW (self), self->store)));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cw_preferences_window_new (GTK_WINDOW (self), self->store)));
}

static void
show_open_error (CwWindow     *self,
                 const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "none");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
entry_deleted_cb (CwWindow       *self,
                  CwEntry        *entry,
                  CwTimelineView *timeline)
{
  AdwToast *toast;
  g_autofree char *title = g_strdup_printf (_("“%s” deleted"), cw_entry_get_title (entry));

  g_set_object (&self->deleted_entry, entry);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-entry");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_entry_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->deleted_entry == NULL)
    return;

  if (!cw_timeline_view_restore_entry (self->timeline, self->deleted_entry, &error))
    cw_window_show_error (self, _("The Entry Could Not Be Restored"), error->message);
  g_clear_object (&self->deleted_entry);
}

static void
log_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  if (cw_window_get_selected_case (self) == NULL)
    return;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  cw_timeline_view_focus_log (self->timeline);
}

static void
create_case_page (CwWindow *self)
{
  self->case_page = CW_CASE_PAGE (cw_case_page_new (self->store));
  self->timeline = CW_TIMELINE_VIEW (cw_timeline_view_new (self->store));
  cw_case_page_set_timeline (self->case_page, GTK_WIDGET (self->timeline));
  adw_bin_set_child (self->case_bin, GTK_WIDGET (self->case_page));

  g_signal_connect_object (self->timeline, "entry-deleted",
                           G_CALLBACK (entry_deleted_cb), self, G_CONNECT_SWAPPED);
}

static void
show_store (CwWindow *self)
{
  GtkListItemFactory *factory;
  GtkSorter *sorter;

  self->cases = cw_case_list_new (self->store);
  self->filter = cw_case_filter_new (self->store);
  create_case_page (self);
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cases, self, NULL));
  self->sorter = sorter;
  self->day_source = g_timeout_add_seconds (600, check_day_cb, self);
  /* Sorted once, then filtered: a keystroke in the search only decides
   * which cases show, it never sorts them again. */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)), sorter);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->case_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->case_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_view, "activate",
                           G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);

  if (cw_store_get_read_only (self->store))
    {
      AdwToast *toast = adw_toast_new (cw_store_get_read_only_reason (self->store));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  cw_window_update_content (self);
  update_actions (self);
}

static void
restore_size (CwWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
cw_window_close_request (GtkWindow *window)
{
  CwWindow *self = CW_WINDOW (window);
  int width, height;

  /* Stopped halfway, the update would run again, from the start, the next
   * time Casework opens, and a second Casework would wait on this one:
   * the window closes once the update is done. */
  if (cw_window_is_updating (self))
    {
      if (!self->close_when_updated)
        cw_window_show_toast (self, _("Casework will close once the database is up to date"));
      self->close_when_updated = TRUE;
      return TRUE;
    }

  if (self->case_page != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Edits are saved as they are made; this catches the last second. */
      if (!cw_case_page_flush (self->case_page, &error))
        g_warning ("Not every change could be saved: %s", error->message);
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (cw_window_parent_class)->close_request (window);
}

static void
cw_window_dispose (GObject *object)
{
  CwWindow *self = CW_WINDOW (object);

  g_clear_handle_id (&self->day_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->cases);
  g_clear_object (&self->deleted_entry);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cw_window_parent_class)->dispose (object);
}

static void
cw_window_finalize (GObject *object)
{
  CwWindow *self = CW_WINDOW (object);

  cw_window_search_finalize (self);
  cw_window_cases_finalize (self);

  G_OBJECT_CLASS (cw_window_parent_class)->finalize (object);
}

static void
cw_window_class_init (CwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cw_window_dispose;
  object_class->finalize = cw_window_finalize;
  window_class->close_request = cw_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casework/cw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, case_bin);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, updating_spinner);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, case_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwWindow, filter_button);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.log-activity", NULL, log_activity_action);
  gtk_widget_class_install_action (widget_class, "win.prepare-meeting", NULL, prepare_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.yearly-report", NULL, yearly_report_action);
  gtk_widget_class_install_action (widget_class, "win.letter-templates", NULL,
                                   letter_templates_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-entry", NULL,
                                   undo_delete_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.log-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);

  cw_window_casefiles_class_init (widget_class);
  cw_window_backup_class_init (widget_class);
  cw_window_search_class_init (widget_class);
  cw_window_cases_class_init (widget_class);
}

static void
cw_window_init (CwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  restore_size (self);
  cw_window_casefiles_init (self);
  cw_window_search_init (self);
  update_actions (self);
}

/* The database is being brought up to date in a thread; nothing of it can
 * be shown or changed until cw_window_set_store(). */
static void
show_updating (CwWindow *self)
{
  gtk_spinner_start (self->updating_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "updating");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "none");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Whether the window waits for its database to be brought up to date. */
gboolean
cw_window_is_updating (CwWindow *self)
{
  return gtk_spinner_get_spinning (self->updating_spinner);
}

/**
 * cw_window_new:
 * @store: (nullable): the open database, or %NULL if it could not be opened
 *   or is still being opened
 * @open_error: (nullable): why it could not be opened
 *
 * With neither @store nor @open_error, the window says the database is
 * being brought up to date until cw_window_set_store() is called.
 */
CwWindow *
cw_window_new (CwApplication *application,
               CwStore       *store,
               const GError  *open_error)
{
  CwWindow *self;

  g_return_val_if_fail (application == NULL || CW_IS_APPLICATION (application), NULL);

  self = g_object_new (CW_TYPE_WINDOW, "application", application, NULL);
  if (store == NULL && open_error == NULL)
    show_updating (self);
  else
    cw_window_set_store (self, store, open_error);
  return self;
}

/**
 * cw_window_set_store:
 * @store: (nullable): the open database, or %NULL if it could not be opened
 * @open_error: (nullable): why it could not be opened
 *
 * Shows the database of a window made while it was being opened.
 */
void
cw_window_set_store (CwWindow     *self,
                     CwStore      *store,
                     const GError *open_error)
{
  gboolean was_updating;

  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (self->store == NULL);
  g_return_if_fail (store != NULL || open_error != NULL);

  was_updating = cw_window_is_updating (self);
  gtk_spinner_stop (self->updating_spinner);

  if (was_updating && self->close_when_updated)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (store == NULL)
    {
      show_open_error (self, open_error);
      return;
    }

  self->store = g_object_ref (store);
  /* Folded, the updating page showed in place of the list. */
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  show_store (self);
  cw_timing_after_next_frame (GTK_WIDGET (self), cw_timing_started_at (),
                              was_updating
                                ? "casework: cases shown %.0f ms after start, %u cases, "
                                  "once the database was up to date"
                                : "casework: first frame %.0f ms after start, %u cases",
                              g_list_model_get_n_items (G_LIST_MODEL (self->cases)));
}

void
cw_window_show_toast (CwWindow   *self,
                      const char *title)
{
  g_return_if_fail (CW_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
cw_window_show_error (CwWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (CW_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cw_window_get_case_model:
 *
 * Returns: (transfer none) (nullable): the cases as the sidebar lists them
 */
GListModel *
cw_window_get_case_model (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);
  return self->selection != NULL ? G_LIST_MODEL (self->selection) : NULL;
}

CwCase *
cw_window_get_selected_case (CwWindow *self)
{
  g_return_val_if_fail (CW_IS_WINDOW (self), NULL);

  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

void
cw_window_select_case (CwWindow   *self,
                       const char *id)
{
  guint n;

  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (self->selection != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwCase) kase = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (cw_case_get_id (kase), id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}
