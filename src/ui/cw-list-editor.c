/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-list-editor"

#include <glib/gi18n.h>

#include "cw-list-editor.h"
#include "cw-tooltip.h"

/*
 * A titled group of rows over a list that someone else owns (a GPtrArray of
 * a case's people, targets, notes, ...): an "Add" button in the header, and
 * on each row a menu to move it up or down or remove it. The rows come from
 * a function the owner gives, and are made again whenever the list changes
 * shape, so a row never outlives the item it edits.
 */
struct _CwListEditor
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *items;                 /* borrowed */
  GPtrArray *rows;                  /* GtkWidget, one per item; owned by the group */
  GPtrArray *menu_buttons;          /* GtkWidget, one per row */
  CwListEditorRowFunc create_row;
  CwListEditorItemFunc new_item;
  gpointer user_data;

  GtkWidget *add_button;
  GtkWidget *placeholder;
  char *add_label;
  gboolean editable;
  guint pending_source;
};

G_DEFINE_FINAL_TYPE (CwListEditor, cw_list_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ADD_LABEL,
  PROP_EMPTY_TEXT,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  CHANGING,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum {
  OP_REMOVE,
  OP_MOVE_UP,
  OP_MOVE_DOWN,
} Op;

typedef struct {
  CwListEditor *editor;
  Op op;
  guint position;
} PendingOp;

static void
append_action (GMenu      *menu,
               const char *label,
               const char *action,
               guint       position)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_uint32 (position));
  g_menu_append_item (menu, item);
}

static GMenuModel *
row_menu (guint position,
          guint n_items)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();

  if (position > 0)
    append_action (moves, _("Move _Up"), "list.move-up", position);
  if (position + 1 < n_items)
    append_action (moves, _("Move _Down"), "list.move-down", position);
  append_action (removal, _("_Remove"), "list.remove", position);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
new_menu_button (CwListEditor *self,
                 guint         position)
{
  g_autoptr(GMenuModel) menu = row_menu (position, self->items->len);
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  cw_widget_set_tooltip_text (button, _("Move or Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move or Remove"), -1);
  gtk_widget_set_visible (button, self->editable);
  return button;
}

static void
clear_rows (CwListEditor *self,
            GHashTable   *expanded)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (expanded != NULL && ADW_IS_EXPANDER_ROW (row) && self->items != NULL &&
          i < self->items->len &&
          adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_ptr_array_index (self->items, i));
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->menu_buttons, 0);
}

static void
add_row (CwListEditor *self,
         guint         position,
         GHashTable   *expanded)
{
  GtkWidget *menu_button = new_menu_button (self, position);
  GtkWidget *row = self->create_row (self, position, menu_button, self->user_data);

  g_assert (GTK_IS_LIST_BOX_ROW (row));

  if (ADW_IS_EXPANDER_ROW (row) && expanded != NULL &&
      g_hash_table_contains (expanded, g_ptr_array_index (self->items, position)))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->menu_buttons, menu_button);
}

/* @expanded: the items whose rows were open, which open again */
static void
build_rows (CwListEditor *self,
            GHashTable   *expanded)
{
  guint n = self->items != NULL ? self->items->len : 0;

  g_assert (self->rows->len == 0);

  if (self->create_row != NULL)
    for (guint i = 0; i < n; i++)
      add_row (self, i, expanded);
  gtk_widget_set_visible (self->placeholder, n == 0);
}

/* A row that takes no focus itself passes it to its first field. */
static void
focus_widget (GtkWidget *widget)
{
  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
focus_row (CwListEditor *self,
           guint         position,
           gboolean      on_menu)
{
  if (position >= self->rows->len)
    {
      gtk_widget_grab_focus (self->add_button);
      return;
    }
  if (on_menu)
    gtk_widget_grab_focus (g_ptr_array_index (self->menu_buttons, position));
  else
    focus_widget (g_ptr_array_index (self->rows, position));
}

static void
changing (CwListEditor *self)
{
  g_signal_emit (self, signals[CHANGING], 0);
}

static void
changed (CwListEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
apply_pending_cb (gpointer data)
{
  PendingOp *op = data;
  CwListEditor *self = op->editor;

  self->pending_source = 0;
  if (self->items == NULL || op->position >= self->items->len)
    return G_SOURCE_REMOVE;

  if (op->op == OP_REMOVE)
    cw_list_editor_remove_item (self, op->position);
  else if (op->op == OP_MOVE_UP && op->position > 0)
    cw_list_editor_move_item (self, op->position, op->position - 1);
  else if (op->op == OP_MOVE_DOWN)
    cw_list_editor_move_item (self, op->position, op->position + 1);
  return G_SOURCE_REMOVE;
}

/* The menu that asked is inside the row about to be made again: let it
 * close first. */
static void
defer (CwListEditor *self,
       Op            op,
       guint         position)
{
  PendingOp *pending = g_new0 (PendingOp, 1);

  pending->editor = self;
  pending->op = op;
  pending->position = position;
  g_clear_handle_id (&self->pending_source, g_source_remove);
  self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_pending_cb, pending, g_free);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cw_list_editor_add_item (CW_LIST_EDITOR (widget));
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  Op op = g_str_equal (action_name, "list.remove") ? OP_REMOVE
        : g_str_equal (action_name, "list.move-up") ? OP_MOVE_UP
        : OP_MOVE_DOWN;

  defer (CW_LIST_EDITOR (widget), op, g_variant_get_uint32 (parameter));
}

static void
cw_list_editor_dispose (GObject *object)
{
  CwListEditor *self = CW_LIST_EDITOR (object);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  self->items = NULL;

  G_OBJECT_CLASS (cw_list_editor_parent_class)->dispose (object);
}

static void
cw_list_editor_finalize (GObject *object)
{
  CwListEditor *self = CW_LIST_EDITOR (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->menu_buttons);
  g_free (self->add_label);

  G_OBJECT_CLASS (cw_list_editor_parent_class)->finalize (object);
}

static void
cw_list_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwListEditor *self = CW_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ADD_LABEL:
      g_value_set_string (value, self->add_label);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->placeholder)));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_list_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CwListEditor *self = CW_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ADD_LABEL:
      g_free (self->add_label);
      self->add_label = g_value_dup_string (value);
      cw_widget_set_tooltip_text (self->add_button, self->add_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->add_label, -1);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_EMPTY_TEXT:
      gtk_label_set_text (GTK_LABEL (self->placeholder), g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_EDITABLE:
      cw_list_editor_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_list_editor_class_init (CwListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cw_list_editor_dispose;
  object_class->finalize = cw_list_editor_finalize;
  object_class->get_property = cw_list_editor_get_property;
  object_class->set_property = cw_list_editor_set_property;

  properties[PROP_ADD_LABEL] = g_param_spec_string ("add-label", NULL, NULL, NULL, flags);
  properties[PROP_EMPTY_TEXT] = g_param_spec_string ("empty-text", NULL, NULL, NULL, flags);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Items are about to be added, removed or moved: the last moment to
   * store what the rows hold, before they are made again. */
  signals[CHANGING] =
    g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Items were added, removed or moved. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "list.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "list.remove", "u", row_action);
  gtk_widget_class_install_action (widget_class, "list.move-up", "u", row_action);
  gtk_widget_class_install_action (widget_class, "list.move-down", "u", row_action);
}

static GtkWidget *
new_add_button (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "list.add");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
cw_list_editor_init (CwListEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->menu_buttons = g_ptr_array_new ();
  self->editable = TRUE;

  self->add_button = new_add_button ();
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  self->placeholder = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0);
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->placeholder);
}

GtkWidget *
cw_list_editor_new (void)
{
  return g_object_new (CW_TYPE_LIST_EDITOR, NULL);
}

/**
 * cw_list_editor_set_functions:
 * @create_row: makes the row for an item
 * @new_item: makes the item "Add" appends
 */
void
cw_list_editor_set_functions (CwListEditor         *self,
                              CwListEditorRowFunc   create_row,
                              CwListEditorItemFunc  new_item,
                              gpointer              user_data)
{
  g_return_if_fail (CW_IS_LIST_EDITOR (self));

  self->create_row = create_row;
  self->new_item = new_item;
  self->user_data = user_data;
}

/**
 * cw_list_editor_get_items:
 *
 * Returns: (transfer none) (nullable): the list shown
 */
GPtrArray *
cw_list_editor_get_items (CwListEditor *self)
{
  g_return_val_if_fail (CW_IS_LIST_EDITOR (self), NULL);
  return self->items;
}

/**
 * cw_list_editor_set_items:
 * @items: (nullable) (transfer none): the list to show and edit; it must
 *   outlive the rows, so set another (or %NULL) before freeing it
 */
void
cw_list_editor_set_items (CwListEditor *self,
                          GPtrArray    *items)
{
  g_return_if_fail (CW_IS_LIST_EDITOR (self));

  g_clear_handle_id (&self->pending_source, g_source_remove);
  /* The rows go while the items they show are still there. */
  clear_rows (self, NULL);
  self->items = items;
  build_rows (self, NULL);
}

gboolean
cw_list_editor_get_editable (CwListEditor *self)
{
  g_return_val_if_fail (CW_IS_LIST_EDITOR (self), FALSE);
  return self->editable;
}

/* A list that is not editable hides its "Add" button and row menus; the
 * rows' own fields are the row maker's business. */
void
cw_list_editor_set_editable (CwListEditor *self,
                             gboolean      editable)
{
  g_return_if_fail (CW_IS_LIST_EDITOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.remove", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.move-up", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.move-down", editable);
  gtk_widget_set_visible (self->add_button, editable);
  for (guint i = 0; i < self->menu_buttons->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->menu_buttons, i), editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * cw_list_editor_get_row:
 *
 * Returns: (transfer none) (nullable): the row showing the item at @position
 */
GtkWidget *
cw_list_editor_get_row (CwListEditor *self,
                        guint         position)
{
  g_return_val_if_fail (CW_IS_LIST_EDITOR (self), NULL);

  if (position >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, position);
}

/* Appends a new item, opens its row and puts the focus there. */
void
cw_list_editor_add_item (CwListEditor *self)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);
  GtkWidget *row;

  g_return_if_fail (CW_IS_LIST_EDITOR (self));

  if (self->items == NULL || self->new_item == NULL || !self->editable)
    return;

  changing (self);
  clear_rows (self, expanded);
  g_ptr_array_add (self->items, self->new_item (self, self->user_data));
  build_rows (self, expanded);
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  focus_widget (row);
  changed (self);
}

void
cw_list_editor_remove_item (CwListEditor *self,
                            guint         position)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);

  g_return_if_fail (CW_IS_LIST_EDITOR (self));
  g_return_if_fail (self->items != NULL && position < self->items->len);

  changing (self);
  /* The rows go before the item they point into. */
  clear_rows (self, expanded);
  g_hash_table_remove (expanded, g_ptr_array_index (self->items, position));
  g_ptr_array_remove_index (self->items, position);
  build_rows (self, expanded);
  focus_row (self, MIN (position, self->rows->len), FALSE);
  changed (self);
}

void
cw_list_editor_move_item (CwListEditor *self,
                          guint         position,
                          guint         new_position)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new (NULL, NULL);
  gpointer item;

  g_return_if_fail (CW_IS_LIST_EDITOR (self));
  g_return_if_fail (self->items != NULL && position < self->items->len);
  g_return_if_fail (new_position < self->items->len);

  if (position == new_position)
    return;

  changing (self);
  /* The open rows are noted while rows and items still match. */
  clear_rows (self, expanded);
  item = g_ptr_array_steal_index (self->items, position);
  g_ptr_array_insert (self->items, (int) new_position, item);
  build_rows (self, expanded);
  focus_row (self, new_position, TRUE);
  changed (self);
}
