/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-templates-window"

#include <glib/gi18n.h>

#include "cw-bundled-templates.h"
#include "cw-letter-language.h"
#include "cw-template-expander.h"
#include "cw-templates-window.h"

/* The letter templates, by language and role, edited in place and saved
 * as they are typed. The bundled ones may be edited (and restored); only
 * the group's own may be deleted. */

#define SAVE_DELAY_MS 400

struct _CwTemplatesWindow
{
  AdwWindow parent_instance;

  CwStore *store;
  GPtrArray *templates;        /* of CwLetterTemplate */
  CwLetterTemplate *current;   /* one of templates, or NULL */
  GtkListBoxRow *current_row;
  guint save_source;
  gboolean loading;

  AdwToastOverlay *toast_overlay;
  GtkListBox *template_list;
  GtkWidget *editor;
  AdwEntryRow *name_row;
  AdwEntryRow *language_row;
  AdwComboRow *role_row;
  AdwEntryRow *closing_row;
  AdwPreferencesGroup *body_group;
  GtkTextView *body_view;
};

G_DEFINE_FINAL_TYPE (CwTemplatesWindow, cw_templates_window, ADW_TYPE_WINDOW)

static const char * const roles[] = { "appeal", "copy", "solidarity" };

static void
show_toast (CwTemplatesWindow *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static guint
role_index (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (role, roles[i]) == 0)
      return i;
  return 0;
}

static const char *
role_heading (const char *role)
{
  switch (role_index (role))
    {
    case 1:
      return _("Copies to representatives");
    case 2:
      return _("Solidarity messages");
    default:
      return _("Appeals");
    }
}

static CwLetterTemplate *
row_template (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "cw-template");
}

/* The list */

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  CwLetterTemplate *ta = row_template (a), *tb = row_template (b);
  int cmp = g_strcmp0 (ta->language, tb->language);

  if (cmp == 0)
    cmp = (int) role_index (ta->role) - (int) role_index (tb->role);
  if (cmp == 0)
    cmp = g_utf8_collate (ta->name, tb->name);
  return cmp;
}

static char *
heading_for (const CwLetterTemplate *tmpl)
{
  const char *language = cw_letter_language_is_known (tmpl->language)
                           ? cw_letter_language_get_name (cw_letter_language_lookup (tmpl->language))
                           : tmpl->language;

  return g_strdup_printf ("%s · %s", language, role_heading (tmpl->role));
}

static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  g_autofree char *heading = heading_for (row_template (row));
  g_autofree char *previous = before != NULL ? heading_for (row_template (before)) : NULL;
  GtkWidget *label;

  if (g_strcmp0 (heading, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static void
update_row (GtkListBoxRow *row)
{
  CwLetterTemplate *tmpl = row_template (row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tmpl->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               tmpl->bundled ? _("Comes with Casework") : _("Your group’s"));
}

static GtkListBoxRow *
add_row (CwTemplatesWindow *self,
         CwLetterTemplate  *tmpl)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "cw-template", tmpl);
  update_row (GTK_LIST_BOX_ROW (row));
  gtk_list_box_append (self->template_list, row);
  return GTK_LIST_BOX_ROW (row);
}

static GtkListBoxRow *
find_row (CwTemplatesWindow *self,
          const char        *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (row_template (GTK_LIST_BOX_ROW (child))->id, id) == 0)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

/* The editor */

static void
update_actions (CwTemplatesWindow *self)
{
  gboolean writable = !cw_store_get_read_only (self->store);
  gboolean has = self->current != NULL;

  gtk_widget_set_sensitive (self->editor, has && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.delete",
                                 has && writable && !self->current->bundled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "templates.restore",
                                 has && writable && self->current->bundled);
}

static void
show_template (CwTemplatesWindow *self)
{
  CwLetterTemplate *tmpl = self->current;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), tmpl != NULL ? tmpl->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->language_row), tmpl != NULL ? tmpl->language : "");
  adw_combo_row_set_selected (self->role_row, tmpl != NULL ? role_index (tmpl->role) : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->closing_row),
                         tmpl != NULL && tmpl->closing != NULL ? tmpl->closing : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            tmpl != NULL && tmpl->body != NULL ? tmpl->body : "", -1);
  self->loading = FALSE;
  update_actions (self);
}

static char *
field_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static CwLetterTemplate *
template_from_fields (CwTemplatesWindow *self)
{
  CwLetterTemplate *tmpl = cw_letter_template_copy (self->current);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  guint role = adw_combo_row_get_selected (self->role_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (tmpl->name);
  tmpl->name = field_text (self->name_row);
  g_free (tmpl->language);
  tmpl->language = field_text (self->language_row);
  g_free (tmpl->role);
  tmpl->role = g_strdup (roles[role < G_N_ELEMENTS (roles) ? role : 0]);
  g_free (tmpl->closing);
  tmpl->closing = field_text (self->closing_row);
  g_free (tmpl->body);
  tmpl->body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return tmpl;
}

static void
take_fields (CwLetterTemplate *into,
             CwLetterTemplate *from)
{
  g_free (into->name);
  into->name = g_steal_pointer (&from->name);
  g_free (into->language);
  into->language = g_steal_pointer (&from->language);
  g_free (into->role);
  into->role = g_steal_pointer (&from->role);
  g_free (into->closing);
  into->closing = g_steal_pointer (&from->closing);
  g_free (into->body);
  into->body = g_steal_pointer (&from->body);
}

/**
 * cw_templates_window_flush:
 *
 * Saves what the editor holds now, if anything is waiting to be saved.
 */
gboolean
cw_templates_window_flush (CwTemplatesWindow  *self,
                           GError            **error)
{
  g_autoptr(CwLetterTemplate) edited = NULL;

  g_return_val_if_fail (CW_IS_TEMPLATES_WINDOW (self), FALSE);

  if (self->save_source == 0 || self->current == NULL)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  edited = template_from_fields (self);
  if (!cw_store_save_letter_template (self->store, edited, error))
    return FALSE;

  take_fields (self->current, edited);
  if (self->current_row != NULL)
    update_row (self->current_row);
  gtk_list_box_invalidate_sort (self->template_list);
  gtk_list_box_invalidate_headers (self->template_list);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CwTemplatesWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cw_templates_window_flush (self, &error))
    show_toast (self, error->message);
  self->save_source = 0;
  return G_SOURCE_REMOVE;
}

static void
changed_cb (CwTemplatesWindow *self)
{
  if (self->loading || self->current == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
row_selected_cb (CwTemplatesWindow *self,
                 GtkListBoxRow     *row)
{
  g_autoptr(GError) error = NULL;

  if (row == self->current_row)
    return;
  if (!cw_templates_window_flush (self, &error))
    show_toast (self, error->message);

  self->current_row = row;
  self->current = row != NULL ? row_template (row) : NULL;
  show_template (self);
}

/* Actions */

static char *
new_name (CwTemplatesWindow *self)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (_("New template"))
                                     : g_strdup_printf (_("New template %u"), n);
      gboolean taken = FALSE;

      for (guint i = 0; i < self->templates->len && !taken; i++)
        taken = g_strcmp0 (((CwLetterTemplate *) g_ptr_array_index (self->templates, i))->name,
                           name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

/**
 * cw_templates_window_add:
 *
 * Returns: (transfer full) (nullable): the id of a new English appeal
 *   template of the group's own, now selected
 */
char *
cw_templates_window_add (CwTemplatesWindow *self)
{
  g_autoptr(CwLetterTemplate) tmpl = cw_letter_template_new ();
  g_autoptr(GError) error = NULL;
  CwLetterTemplate *added;

  g_return_val_if_fail (CW_IS_TEMPLATES_WINDOW (self), NULL);

  tmpl->language = g_strdup ("en");
  tmpl->role = g_strdup ("appeal");
  tmpl->name = new_name (self);
  tmpl->body = g_strdup (_("I am writing to you about {person} in {country}."));
  tmpl->closing = g_strdup ("Yours sincerely,");
  if (!cw_templates_window_flush (self, &error) ||
      !cw_store_save_letter_template (self->store, tmpl, &error))
    {
      show_toast (self, error->message);
      return NULL;
    }

  added = g_steal_pointer (&tmpl);
  g_ptr_array_add (self->templates, added);
  gtk_list_box_select_row (self->template_list, add_row (self, added));
  return g_strdup (added->id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autofree char *id = cw_templates_window_add (CW_TEMPLATES_WINDOW (widget));

  if (id != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (CW_TEMPLATES_WINDOW (widget)->name_row));
}

static void
undo_delete_cb (AdwToast          *toast,
                CwTemplatesWindow *self)
{
  CwLetterTemplate *tmpl = g_object_steal_data (G_OBJECT (toast), "cw-template");
  g_autoptr(GError) error = NULL;

  if (tmpl == NULL)
    return;
  if (!cw_store_save_letter_template (self->store, tmpl, &error))
    {
      show_toast (self, error->message);
      cw_letter_template_free (tmpl);
      return;
    }
  g_ptr_array_add (self->templates, tmpl);
  gtk_list_box_select_row (self->template_list, add_row (self, tmpl));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwTemplatesWindow *self = CW_TEMPLATES_WINDOW (widget);
  CwLetterTemplate *tmpl = self->current;
  GtkListBoxRow *row = self->current_row;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (tmpl == NULL || tmpl->bundled)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!cw_store_delete_letter_template (self->store, tmpl->id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” deleted"), tmpl->name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cw-template", cw_letter_template_copy (tmpl),
                          (GDestroyNotify) cw_letter_template_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);

  self->current = NULL;
  self->current_row = NULL;
  gtk_list_box_remove (self->template_list, GTK_WIDGET (row));
  g_ptr_array_remove (self->templates, tmpl);
  show_template (self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CwTemplatesWindow *self = CW_TEMPLATES_WINDOW (widget);
  g_autoptr(CwLetterTemplate) original = NULL;
  g_autoptr(GError) error = NULL;

  if (self->current == NULL || !self->current->bundled)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  original = cw_bundled_template_lookup (self->current->id);
  if (original == NULL || !cw_store_save_letter_template (self->store, original, &error))
    {
      show_toast (self, error != NULL ? error->message : _("This template has no original"));
      return;
    }
  take_fields (self->current, original);
  update_row (self->current_row);
  gtk_list_box_invalidate_sort (self->template_list);
  gtk_list_box_invalidate_headers (self->template_list);
  show_template (self);
  show_toast (self, _("The template is as Casework ships it again"));
}

/* GObject */

static gboolean
cw_templates_window_close_request (GtkWindow *window)
{
  CwTemplatesWindow *self = CW_TEMPLATES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!cw_templates_window_flush (self, &error))
    g_warning ("Could not save the letter template: %s", error->message);

  return GTK_WINDOW_CLASS (cw_templates_window_parent_class)->close_request (window);
}

static void
cw_templates_window_dispose (GObject *object)
{
  CwTemplatesWindow *self = CW_TEMPLATES_WINDOW (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  /* The rows point into the templates: the list stops asking about them. */
  if (self->template_list != NULL)
    {
      gtk_list_box_set_sort_func (self->template_list, NULL, NULL, NULL);
      gtk_list_box_set_header_func (self->template_list, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_TEMPLATES_WINDOW);
  self->current = NULL;
  self->current_row = NULL;
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_templates_window_parent_class)->dispose (object);
}

static void
cw_templates_window_class_init (CwTemplatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cw_templates_window_dispose;
  window_class->close_request = cw_templates_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casework/cw-templates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, template_list);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, closing_row);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, body_group);
  gtk_widget_class_bind_template_child (widget_class, CwTemplatesWindow, body_view);

  gtk_widget_class_install_action (widget_class, "templates.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "templates.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "templates.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "templates.add", NULL);
}

static char *
describe_placeholders (void)
{
  const char * const *names = cw_template_placeholders ();
  GString *text = g_string_new (_("Placeholders, filled in for each letter:"));

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (text, " {%s}", names[i]);
  g_string_append_c (text, ' ');
  g_string_append (text, _("Paragraphs are separated by a blank line. Text that comes from a "
                           "case is put in as it is."));
  return g_string_free (text, FALSE);
}

static void
cw_templates_window_init (CwTemplatesWindow *self)
{
  g_autofree char *help = describe_placeholders ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_group_set_description (self->body_group, help);
  gtk_list_box_set_sort_func (self->template_list, compare_rows, NULL, NULL);
  gtk_list_box_set_header_func (self->template_list, header_cb, NULL, NULL);
}

static void
connect_signals (CwTemplatesWindow *self)
{
  g_signal_connect_object (self->template_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->closing_row, "changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_row, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cw_templates_window_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer floating): the window, modal and transient for
 *   @parent; present it with gtk_window_present()
 */
GtkWidget *
cw_templates_window_new (GtkWindow *parent,
                         CwStore   *store)
{
  CwTemplatesWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_TEMPLATES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->templates = cw_store_list_letter_templates_with_bundled (store, &error);
  if (self->templates == NULL)
    {
      g_warning ("Could not load the letter templates: %s", error->message);
      self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_letter_template_free);
    }

  for (guint i = 0; i < self->templates->len; i++)
    add_row (self, g_ptr_array_index (self->templates, i));
  connect_signals (self);
  gtk_list_box_select_row (self->template_list,
                           gtk_list_box_get_row_at_index (self->template_list, 0));
  update_actions (self);
  return GTK_WIDGET (self);
}

gboolean
cw_templates_window_select (CwTemplatesWindow *self,
                            const char        *id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CW_IS_TEMPLATES_WINDOW (self), FALSE);

  row = find_row (self, id);
  if (row != NULL)
    gtk_list_box_select_row (self->template_list, row);
  return row != NULL;
}

const char *
cw_templates_window_get_selected (CwTemplatesWindow *self)
{
  g_return_val_if_fail (CW_IS_TEMPLATES_WINDOW (self), NULL);
  return self->current != NULL ? self->current->id : NULL;
}
