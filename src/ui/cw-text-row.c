/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-text-row"

#include "cw-text-row.h"

/*
 * A row for text longer than a line (notes, an address, a model letter):
 * its title small above, the text wrapped below, as an AdwEntryRow looks
 * once it holds text. Its look is in cw-case-page.css (.cw-text-row).
 */
struct _CwTextRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkTextView *view;
  GtkWidget *edit_icon;
  guint resize_source;
};

G_DEFINE_FINAL_TYPE (CwTextRow, cw_text_row, ADW_TYPE_PREFERENCES_ROW)

static void
pressed_cb (CwTextRow       *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static gboolean
resize_view_cb (gpointer user_data)
{
  CwTextRow *self = user_data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->view));
  return G_SOURCE_REMOVE;
}

/* In a list box row, GTK 4.8 measures a wrapping text view that was given
 * its text before it had a size as 0 pixels high, and does not measure it
 * again once its lines are laid out: ask again once it is on screen. */
static void
view_map_cb (CwTextRow *self)
{
  if (self->resize_source == 0)
    self->resize_source = g_idle_add (resize_view_cb, self);
}

/* As on an AdwEntryRow: a pencil says "you can write here" until one does. */
static void
update_edit_icon (CwTextRow *self)
{
  gtk_widget_set_visible (self->edit_icon, gtk_text_view_get_editable (self->view) &&
                                           !gtk_widget_has_focus (GTK_WIDGET (self->view)));
}

static void
view_notify_cb (CwTextRow  *self,
                GParamSpec *pspec,
                GtkWidget  *view)
{
  update_edit_icon (self);
}

static void
cw_text_row_dispose (GObject *object)
{
  CwTextRow *self = CW_TEXT_ROW (object);

  g_clear_handle_id (&self->resize_source, g_source_remove);

  G_OBJECT_CLASS (cw_text_row_parent_class)->dispose (object);
}

static void
cw_text_row_class_init (CwTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cw_text_row_dispose;
}

static GtkWidget *
new_text_box (CwTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "subtitle");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  g_signal_connect_object (self->view, "map", G_CALLBACK (view_map_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view));
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static void
cw_text_row_init (CwTextRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), new_text_box (self));
  self->edit_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (self->edit_icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->edit_icon, "edit-icon");
  gtk_box_append (GTK_BOX (self->box), self->edit_icon);
  g_signal_connect_object (self->view, "notify::has-focus", G_CALLBACK (view_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::editable", G_CALLBACK (view_notify_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->box);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "cw-text-row");
  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);

  /* A click beside the text, on the title say, still means "edit this". */
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
cw_text_row_new (const char *title)
{
  return g_object_new (CW_TYPE_TEXT_ROW, "title", title, "use-markup", FALSE, NULL);
}

/**
 * cw_text_row_get_view:
 *
 * Returns: (transfer none): the text view
 */
GtkTextView *
cw_text_row_get_view (CwTextRow *self)
{
  g_return_val_if_fail (CW_IS_TEXT_ROW (self), NULL);
  return self->view;
}

/* Puts @widget at the end of the row, beside the text, as a row's suffix. */
void
cw_text_row_add_suffix (CwTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (CW_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), widget);
}
