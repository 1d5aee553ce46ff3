/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-window"

#include <string.h>

#include <glib/gi18n.h>

#include "cw-window-private.h"

/*
 * Finding a case: search as you type over titles, people's names,
 * references, countries and summaries (the store's full-text index), and
 * filters for status, type and region, all kept by a CwCaseFilter. The
 * list is sorted first and filtered after, so a keystroke never sorts.
 */

gboolean
cw_window_is_filtered (CwWindow *self)
{
  return self->filter != NULL && cw_case_filter_is_active (self->filter);
}

/* After any change to what the list shows. */
static void
update_filter_state (CwWindow *self)
{
  if (self->filter != NULL && cw_case_filter_has_facets (self->filter))
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");

  cw_window_update_content (self);
}

/**
 * cw_window_set_search:
 * @text: (nullable): what the user typed
 *
 * Shows only the cases that match every word of @text.
 */
void
cw_window_set_search (CwWindow   *self,
                      const char *text)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CW_IS_WINDOW (self));

  if (self->filter == NULL)
    return;
  if (!cw_case_filter_set_search (self->filter, text, &error))
    {
      g_warning ("Search failed: %s", error->message);
      return;
    }
  update_filter_state (self);
}

static void
search_changed_cb (CwWindow       *self,
                   GtkSearchEntry *entry)
{
  cw_window_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search opens the first match. */
static void
search_activate_cb (CwWindow       *self,
                    GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (cw_window_get_case_model (self)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
}

static void
stop_search_cb (CwWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
filter_change_state_cb (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  CwWindow *self = CW_WINDOW (user_data);
  const char *name = g_action_get_name (G_ACTION (action));

  g_simple_action_set_state (action, value);
  if (self->filter == NULL)
    return;
  /* "filter-status" sets the "status" facet, and so on. */
  cw_case_filter_set_facet (self->filter, name + strlen ("filter-"),
                            g_variant_get_string (value, NULL));
  update_filter_state (self);
}

static const GActionEntry filter_actions[] = {
  { "filter-status", NULL, "s", "'all'", filter_change_state_cb },
  { "filter-type", NULL, "s", "'all'", filter_change_state_cb },
  { "filter-region", NULL, "s", "'all'", filter_change_state_cb },
};

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cw_window_search_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

void
cw_window_search_init (CwWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), filter_actions,
                                   G_N_ELEMENTS (filter_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "list", G_ACTION_GROUP (group));

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
}

void
cw_window_search_finalize (CwWindow *self)
{
  g_clear_object (&self->filter);
}
