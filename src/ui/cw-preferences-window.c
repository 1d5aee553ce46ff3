/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-preferences"

#include <glib/gi18n.h>

#include "cw-preferences-window.h"

/* The group's profile, saved as it is typed (shortly after the last key,
 * and at once when the window closes). */

#define SAVE_DELAY_MS 300

struct _CwPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  CwStore *store;
  guint save_source;
  gboolean loading;

  AdwEntryRow *name_row;
  AdwEntryRow *number_row;
  AdwEntryRow *signatory_row;
  GtkTextView *address_view;
  AdwComboRow *paper_row;
};

G_DEFINE_FINAL_TYPE (CwPreferencesWindow, cw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const paper_sizes[] = { "a4", "letter" };

static CwProfile *
profile_from_fields (CwPreferencesWindow *self)
{
  CwProfile *profile = cw_profile_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  GtkTextIter start, end;
  guint paper = adw_combo_row_get_selected (self->paper_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (profile->name);
  profile->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_free (profile->number);
  profile->number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  g_free (profile->signatory);
  profile->signatory = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signatory_row))));
  g_free (profile->address);
  profile->address = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  g_free (profile->paper_size);
  profile->paper_size = g_strdup (paper_sizes[paper < G_N_ELEMENTS (paper_sizes) ? paper : 0]);

  return profile;
}

/**
 * cw_preferences_window_flush:
 *
 * Saves what is in the fields now, if anything is waiting to be saved.
 */
gboolean
cw_preferences_window_flush (CwPreferencesWindow  *self,
                             GError              **error)
{
  g_autoptr(CwProfile) profile = NULL;

  g_return_val_if_fail (CW_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->save_source == 0)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  profile = profile_from_fields (self);
  return cw_store_save_profile (self->store, profile, error);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CwPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwProfile) profile = profile_from_fields (self);

  self->save_source = 0;
  if (!cw_store_save_profile (self->store, profile, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));

  return G_SOURCE_REMOVE;
}

static void
changed_cb (CwPreferencesWindow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
load_profile (CwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwProfile) profile = cw_store_load_profile (self->store, &error);

  if (profile == NULL)
    {
      g_warning ("Could not load the group’s details: %s", error->message);
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), profile->name);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), profile->number);
  gtk_editable_set_text (GTK_EDITABLE (self->signatory_row), profile->signatory);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view), profile->address, -1);
  adw_combo_row_set_selected (self->paper_row, g_strcmp0 (profile->paper_size, "letter") == 0);
  self->loading = FALSE;
}

static gboolean
cw_preferences_window_close_request (GtkWindow *window)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!cw_preferences_window_flush (self, &error))
    g_warning ("Could not save the group’s details: %s", error->message);

  return GTK_WINDOW_CLASS (cw_preferences_window_parent_class)->close_request (window);
}

static void
cw_preferences_window_dispose (GObject *object)
{
  CwPreferencesWindow *self = CW_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cw_preferences_window_parent_class)->dispose (object);
}

static void
cw_preferences_window_class_init (CwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cw_preferences_window_dispose;
  window_class->close_request = cw_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casework/cw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, number_row);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, signatory_row);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, address_view);
  gtk_widget_class_bind_template_child (widget_class, CwPreferencesWindow, paper_row);
}

static void
cw_preferences_window_init (CwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cw_preferences_window_new (GtkWindow *parent,
                           CwStore   *store)
{
  CwPreferencesWindow *self;
  gboolean writable;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  load_profile (self);

  writable = !cw_store_get_read_only (store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->number_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->signatory_row), writable);
  gtk_text_view_set_editable (self->address_view, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), writable);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->number_row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signatory_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
