/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-window"

#include <glib/gi18n.h>

#include "cw-window-private.h"

/*
 * Finding a case: search as you type over titles, people's names,
 * references, countries and summaries (the store's full-text index), and
 * filters for status, type and region. The filter runs over the case list
 * before it is sorted, so the sort only sees what is shown.
 */

/* -1 for "all", else the enum value of the word. */
static int
enum_filter (GType       type,
             const char *word)
{
  int value;

  if (g_strcmp0 (word, "all") == 0 || !cw_enum_from_nick (type, word, &value))
    return -1;
  return value;
}

/* Called for every case on every keystroke: no allocation, no lookup by
 * name. */
static gboolean
case_matches (gpointer item,
              gpointer user_data)
{
  CwWindow *self = user_data;
  CwCase *kase = item;

  if (self->search_ids != NULL && !g_hash_table_contains (self->search_ids, cw_case_get_id (kase)))
    return FALSE;

  return (self->status_value < 0 || (int) cw_case_get_status (kase) == self->status_value) &&
         (self->type_value < 0 || (int) cw_case_get_case_type (kase) == self->type_value) &&
         (g_strcmp0 (self->filter_region, "all") == 0 ||
          g_strcmp0 (self->filter_region, cw_case_get_region (kase)) == 0);
}

gboolean
cw_window_is_filtered (CwWindow *self)
{
  return self->search_ids != NULL ||
         g_strcmp0 (self->filter_status, "all") != 0 ||
         g_strcmp0 (self->filter_type, "all") != 0 ||
         g_strcmp0 (self->filter_region, "all") != 0;
}

static void
refilter (CwWindow        *self,
          GtkFilterChange  change)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), change);

  if (g_strcmp0 (self->filter_status, "all") != 0 || g_strcmp0 (self->filter_type, "all") != 0 ||
      g_strcmp0 (self->filter_region, "all") != 0)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");

  cw_window_update_content (self);
}

/* Each new word, or a longer last word, can only narrow the matches. */
static GtkFilterChange
change_between (const char *before,
                const char *after)
{
  if (before == NULL)
    return after == NULL ? GTK_FILTER_CHANGE_DIFFERENT : GTK_FILTER_CHANGE_MORE_STRICT;
  if (after == NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  if (g_str_has_prefix (after, before))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (g_str_has_prefix (before, after))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
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
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *before = g_steal_pointer (&self->search_text);
  GHashTable *ids = NULL;

  g_return_if_fail (CW_IS_WINDOW (self));

  if (*stripped != '\0' && self->store != NULL)
    {
      ids = cw_store_search_cases (self->store, stripped, &error);
      if (error != NULL)
        {
          g_warning ("Search failed: %s", error->message);
          return;
        }
    }

  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  self->search_ids = ids;
  self->search_text = ids != NULL ? g_steal_pointer (&stripped) : NULL;
  refilter (self, change_between (before, self->search_text));
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
  char **field = g_str_equal (name, "filter-status") ? &self->filter_status
               : g_str_equal (name, "filter-type") ? &self->filter_type
               : &self->filter_region;
  const char *before = *field;
  GtkFilterChange change;

  change = g_str_equal (before, "all") ? GTK_FILTER_CHANGE_MORE_STRICT
         : g_str_equal (g_variant_get_string (value, NULL), "all") ? GTK_FILTER_CHANGE_LESS_STRICT
         : GTK_FILTER_CHANGE_DIFFERENT;

  g_simple_action_set_state (action, value);
  g_free (*field);
  *field = g_variant_dup_string (value, NULL);
  self->status_value = enum_filter (CW_TYPE_CASE_STATUS, self->filter_status);
  self->type_value = enum_filter (CW_TYPE_CASE_TYPE, self->filter_type);
  refilter (self, change);
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

  self->filter_status = g_strdup ("all");
  self->filter_type = g_strdup ("all");
  self->filter_region = g_strdup ("all");
  self->status_value = -1;
  self->type_value = -1;
  self->filter = gtk_custom_filter_new (case_matches, self, NULL);

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
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->filter_status, g_free);
  g_clear_pointer (&self->filter_type, g_free);
  g_clear_pointer (&self->filter_region, g_free);
}
