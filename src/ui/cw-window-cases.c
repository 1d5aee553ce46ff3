/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-window"

#include <glib/gi18n.h>

#include "cw-window-private.h"

/* Starting a case, and deleting one with a way back: the toast's Undo puts
 * the case and its whole timeline back as they were. */

static void
forget_deleted (CwWindow *self)
{
  g_clear_object (&self->deleted_case);
  g_clear_pointer (&self->deleted_entries, g_ptr_array_unref);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;
  CwDate today;
  g_autofree char *opened = NULL;

  cw_date_today (&today);
  opened = cw_date_to_iso (&today);
  cw_case_set_title (kase, _("New Case"));
  cw_case_set_opened (kase, opened);
  if (!cw_store_save_case (self->store, kase, &error))
    {
      cw_window_show_error (self, _("The Case Could Not Be Created"), error->message);
      return;
    }

  /* A new case must be seen, whatever the list was narrowed to. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cw_window_set_search (self, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "list.filter-status", "s", "all");
  gtk_widget_activate_action (GTK_WIDGET (self), "list.filter-type", "s", "all");
  gtk_widget_activate_action (GTK_WIDGET (self), "list.filter-region", "s", "all");
  cw_window_select_case (self, cw_case_get_id (kase));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->deleted_case == NULL)
    return;

  id = g_strdup (cw_case_get_id (self->deleted_case));
  if (!cw_store_begin (self->store, &error))
    goto fail;
  if (!cw_store_save_case (self->store, self->deleted_case, &error))
    goto rollback;
  for (guint i = 0; i < self->deleted_entries->len; i++)
    if (!cw_store_save_entry (self->store, g_ptr_array_index (self->deleted_entries, i), &error))
      goto rollback;
  if (!cw_store_commit (self->store, &error))
    goto fail;

  forget_deleted (self);
  cw_window_select_case (self, id);
  return;

rollback:
  cw_store_rollback (self->store);
fail:
  cw_window_show_error (self, _("The Case Could Not Be Restored"), error->message);
}

static void
toast_dismissed_cb (AdwToast *toast,
                    CwWindow *self)
{
  /* Only the newest deletion can be undone; an older toast going away must
   * not take that chance away. */
  if (g_object_get_data (G_OBJECT (toast), "case") == self->deleted_case)
    forget_deleted (self);
}

/**
 * cw_window_delete_case:
 *
 * Deletes the case and offers to undo it from a toast.
 */
gboolean
cw_window_delete_case (CwWindow    *self,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (CW_IS_WINDOW (self), FALSE);

  kase = cw_store_load_case (self->store, id, error);
  if (kase == NULL)
    return FALSE;
  entries = cw_store_list_entries (self->store, id, error);
  if (entries == NULL || !cw_store_delete_case (self->store, id, error))
    return FALSE;

  forget_deleted (self);
  self->deleted_case = g_steal_pointer (&kase);
  self->deleted_entries = g_steal_pointer (&entries);

  title = g_strdup_printf (_("“%s” deleted"), cw_case_get_title (self->deleted_case));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "case", self->deleted_case);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  CwCase *kase = cw_window_get_selected_case (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (kase == NULL)
    return;

  id = g_strdup (cw_case_get_id (kase));
  if (!cw_window_delete_case (self, id, &error))
    cw_window_show_error (self, _("The Case Could Not Be Deleted"), error->message);
}

/* A change on the case page could not be saved (the case page says why,
 * and keeps it): a toast says so wherever one is looking, and its button
 * gives the whole reason. One at a time, however often the page tries. */
#define SAVE_TOAST_KEY "cw-save-failed-toast"

static void
save_toast_dismissed_cb (AdwToast *toast,
                         CwWindow *self)
{
  if (g_object_get_data (G_OBJECT (self), SAVE_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (self), SAVE_TOAST_KEY, NULL);
}

static void
save_failed_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  AdwToast *shown = g_object_get_data (G_OBJECT (self), SAVE_TOAST_KEY);
  AdwToast *toast;

  if (shown != NULL)
    adw_toast_dismiss (shown);

  toast = adw_toast_new (_("Your changes could not be saved"));
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-save-error");
  adw_toast_set_action_target_value (toast, parameter);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (self), SAVE_TOAST_KEY, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (save_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_save_error_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cw_window_show_error (CW_WINDOW (widget), _("Your Changes Could Not Be Saved"),
                        g_variant_get_string (parameter, NULL));
}

void
cw_window_cases_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.save-failed", "s", save_failed_action);
  gtk_widget_class_install_action (widget_class, "win.show-save-error", "s", show_save_error_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.delete-case", NULL);
}

void
cw_window_cases_finalize (CwWindow *self)
{
  forget_deleted (self);
}
