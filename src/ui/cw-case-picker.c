/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-picker"

#include <glib/gi18n.h>

#include "cw-case-picker.h"
#include "cw-tooltip.h"

/*
 * A list of cases, each with a box to tick: the cases a yearly report
 * holds, the cases a meeting writes for. A section keeps thousands of
 * cases, so the list is a GtkListView and makes rows only for the cases
 * on screen; whether a case is chosen lives in the list's items, never in
 * a row.
 *
 * A selectable picker also has a current case (the report's words are
 * about it) picked by clicking its row, and ticked by its box alone. In
 * one that is not, the whole row is the box.
 *
 * "toggled" tells of the user's ticks only; what the program chooses
 * tells nothing, so the dialogs can tell the two apart.
 */

#define MAX_LIST_HEIGHT 480

/* One case in the list */

#define CW_TYPE_CASE_PICKER_ITEM (cw_case_picker_item_get_type ())
G_DECLARE_FINAL_TYPE (CwCasePickerItem, cw_case_picker_item, CW, CASE_PICKER_ITEM, GObject)

struct _CwCasePickerItem
{
  GObject parent_instance;

  CwCase *kase;
  char *subtitle;
  guint position;
  gboolean chosen;
};

G_DEFINE_FINAL_TYPE (CwCasePickerItem, cw_case_picker_item, G_TYPE_OBJECT)

static guint item_chosen_signal;

static void
cw_case_picker_item_finalize (GObject *object)
{
  CwCasePickerItem *item = CW_CASE_PICKER_ITEM (object);

  g_clear_object (&item->kase);
  g_free (item->subtitle);
  G_OBJECT_CLASS (cw_case_picker_item_parent_class)->finalize (object);
}

static void
cw_case_picker_item_class_init (CwCasePickerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_case_picker_item_finalize;

  /* Emitted when chosen changes: a row showing the item follows it. */
  item_chosen_signal = g_signal_new ("chosen-changed", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);
}

static void
cw_case_picker_item_init (CwCasePickerItem *item)
{
}

static gboolean
item_set_chosen (CwCasePickerItem *item,
                 gboolean          chosen)
{
  chosen = !!chosen;
  if (item->chosen == chosen)
    return FALSE;
  item->chosen = chosen;
  g_signal_emit (item, item_chosen_signal, 0);
  return TRUE;
}

/* The picker */

struct _CwCasePicker
{
  GtkWidget parent_instance;

  gboolean selectable;
  GListStore *items;             /* of CwCasePickerItem, in the list's order */
  GHashTable *by_id;             /* case id → CwCasePickerItem */
  GtkSingleSelection *selection; /* only when selectable */

  GtkWidget *scrolled;
  GtkListView *list_view;
  GtkWidget *placeholder;
};

G_DEFINE_FINAL_TYPE (CwCasePicker, cw_case_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTABLE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
user_set_chosen (CwCasePicker     *self,
                 CwCasePickerItem *item,
                 gboolean          chosen)
{
  if (item_set_chosen (item, chosen))
    g_signal_emit (self, signals[TOGGLED], 0, cw_case_get_id (item->kase));
}

/* Rows: made for the cases on screen, given another case as the list
 * scrolls. */

typedef struct {
  CwCasePicker *picker;
  GtkCheckButton *check;
  GtkLabel *title;
  GtkLabel *subtitle;
  CwCasePickerItem *item;   /* the one shown, while bound */
  gulong chosen_handler;
} Row;

static void
row_check_toggled_cb (GtkCheckButton *check,
                      Row            *row)
{
  /* The row following its item says nothing; a tick by the user does. */
  if (row->item != NULL && row->item->chosen != gtk_check_button_get_active (check))
    user_set_chosen (row->picker, row->item, gtk_check_button_get_active (check));
}

static void
row_item_chosen_cb (CwCasePickerItem *item,
                    Row              *row)
{
  gtk_check_button_set_active (row->check, item->chosen);
}

/* Case text is text, never markup. */
static GtkWidget *
row_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CwCasePicker             *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = row_label_new ();
  GtkWidget *subtitle = row_label_new ();
  GtkWidget *check;

  row->picker = self;

  /* A long title is cut short, so the list keeps room for its cases; the
   * line under it is never, as it may say what a case forbids. */
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  if (self->selectable)
    {
      /* The box ticks; the rest of the row picks the case. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      cw_widget_set_tooltip_text (check, _("In the report"));
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), labels);
      gtk_list_item_set_child (list_item, box);
    }
  else
    {
      /* The whole row is the box to tick. */
      check = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), labels);
      gtk_widget_set_margin_start (labels, 6);
      gtk_list_item_set_child (list_item, check);
      gtk_list_item_set_activatable (list_item, FALSE);
    }

  row->check = GTK_CHECK_BUTTON (check);
  row->title = GTK_LABEL (title);
  row->subtitle = GTK_LABEL (subtitle);
  g_signal_connect (check, "toggled", G_CALLBACK (row_check_toggled_cb), row);
  g_object_set_data_full (G_OBJECT (list_item), "cw-row", row, g_free);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CwCasePicker             *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "cw-row");
  CwCasePickerItem *item = gtk_list_item_get_item (list_item);
  const char *title = cw_case_get_title (item->kase);

  gtk_label_set_text (row->title, title);
  gtk_label_set_text (row->subtitle, item->subtitle != NULL ? item->subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (row->subtitle),
                          item->subtitle != NULL && *item->subtitle != '\0');
  gtk_check_button_set_active (row->check, item->chosen);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  item->subtitle != NULL ? item->subtitle : "", -1);
  /* Set after the box follows the item, so following it is not a tick. */
  row->item = item;
  row->chosen_handler = g_signal_connect (item, "chosen-changed",
                                          G_CALLBACK (row_item_chosen_cb), row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CwCasePicker             *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "cw-row");

  if (row->item != NULL)
    g_clear_signal_handler (&row->chosen_handler, row->item);
  row->item = NULL;
}

static void
selection_changed_cb (CwCasePicker *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The list */

static void
show_placeholder (CwCasePicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;

  gtk_widget_set_visible (self->scrolled, !empty);
  gtk_widget_set_visible (self->placeholder, empty);
}

/**
 * cw_case_picker_set_cases:
 * @cases: (element-type CwCase): the cases, in the order they are shown
 * @describe: (nullable): the line under each case's title
 *
 * Shows @cases, none of them chosen, and none current.
 */
void
cw_case_picker_set_cases (CwCasePicker             *self,
                          GPtrArray                *cases,
                          CwCasePickerDescribeFunc  describe)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CW_IS_CASE_PICKER (self));
  g_return_if_fail (cases != NULL);

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < cases->len; i++)
    {
      CwCase *kase = g_ptr_array_index (cases, i);
      CwCasePickerItem *item = g_object_new (CW_TYPE_CASE_PICKER_ITEM, NULL);

      item->kase = g_object_ref (kase);
      item->subtitle = describe != NULL ? describe (kase) : NULL;
      item->position = i;
      g_hash_table_insert (self->by_id, (gpointer) cw_case_get_id (kase), item);
      g_ptr_array_add (items, item);
    }

  /* One change for the whole list, not one per case. */
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_placeholder (self);
}

void
cw_case_picker_set_placeholder (CwCasePicker *self,
                                const char   *text)
{
  g_return_if_fail (CW_IS_CASE_PICKER (self));
  gtk_label_set_text (GTK_LABEL (self->placeholder), text);
}

guint
cw_case_picker_get_n_cases (CwCasePicker *self)
{
  g_return_val_if_fail (CW_IS_CASE_PICKER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * cw_case_picker_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown with @case_id
 */
CwCase *
cw_case_picker_get_case (CwCasePicker *self,
                         const char   *case_id)
{
  CwCasePickerItem *item;

  g_return_val_if_fail (CW_IS_CASE_PICKER (self), NULL);

  item = case_id != NULL ? g_hash_table_lookup (self->by_id, case_id) : NULL;
  return item != NULL ? item->kase : NULL;
}

/**
 * cw_case_picker_get_id_at:
 *
 * Returns: (nullable): the id of the case at @position in the list
 */
const char *
cw_case_picker_get_id_at (CwCasePicker *self,
                          guint         position)
{
  g_autoptr(CwCasePickerItem) item = NULL;

  g_return_val_if_fail (CW_IS_CASE_PICKER (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  /* The store keeps the item, and the item its case. */
  return item != NULL ? cw_case_get_id (item->kase) : NULL;
}

gboolean
cw_case_picker_get_chosen (CwCasePicker *self,
                           const char   *case_id)
{
  CwCasePickerItem *item;

  g_return_val_if_fail (CW_IS_CASE_PICKER (self), FALSE);

  item = g_hash_table_lookup (self->by_id, case_id);
  return item != NULL && item->chosen;
}

/**
 * cw_case_picker_set_chosen:
 *
 * Ticks or unticks a case, as the program does: "toggled" is not emitted.
 *
 * Returns: %FALSE if no case shown has @case_id
 */
gboolean
cw_case_picker_set_chosen (CwCasePicker *self,
                           const char   *case_id,
                           gboolean      chosen)
{
  CwCasePickerItem *item;

  g_return_val_if_fail (CW_IS_CASE_PICKER (self), FALSE);

  item = g_hash_table_lookup (self->by_id, case_id);
  if (item == NULL)
    return FALSE;
  item_set_chosen (item, chosen);
  return TRUE;
}

/**
 * cw_case_picker_choose:
 * @choose: whether a case is chosen
 *
 * Ticks the cases @choose says, and unticks the others.
 */
void
cw_case_picker_choose (CwCasePicker           *self,
                       CwCasePickerChooseFunc  choose,
                       gpointer                user_data)
{
  GListModel *model;
  guint n;

  g_return_if_fail (CW_IS_CASE_PICKER (self));
  g_return_if_fail (choose != NULL);

  model = G_LIST_MODEL (self->items);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwCasePickerItem) item = g_list_model_get_item (model, i);

      item_set_chosen (item, choose (item->kase, user_data));
    }
}

/**
 * cw_case_picker_list_chosen:
 *
 * Returns: (transfer container) (element-type CwCase): the cases ticked,
 *   in the list's order
 */
GPtrArray *
cw_case_picker_list_chosen (CwCasePicker *self)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n;

  g_return_val_if_fail (CW_IS_CASE_PICKER (self), chosen);

  model = G_LIST_MODEL (self->items);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwCasePickerItem) item = g_list_model_get_item (model, i);

      if (item->chosen)
        g_ptr_array_add (chosen, g_object_ref (item->kase));
    }
  return chosen;
}

/**
 * cw_case_picker_get_selected:
 *
 * Returns: (nullable): the id of the current case of a selectable picker
 */
const char *
cw_case_picker_get_selected (CwCasePicker *self)
{
  CwCasePickerItem *item;

  g_return_val_if_fail (CW_IS_CASE_PICKER (self), NULL);

  if (self->selection == NULL)
    return NULL;
  item = gtk_single_selection_get_selected_item (self->selection);
  return item != NULL ? cw_case_get_id (item->kase) : NULL;
}

/**
 * cw_case_picker_select:
 *
 * Makes the case with @case_id the current one, and scrolls to it.
 */
void
cw_case_picker_select (CwCasePicker *self,
                       const char   *case_id)
{
  CwCasePickerItem *item;

  g_return_if_fail (CW_IS_CASE_PICKER (self));
  g_return_if_fail (self->selection != NULL);

  item = g_hash_table_lookup (self->by_id, case_id);
  if (item == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, item->position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              item->position);
}

/* GObject */

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/example/Casework/cw-case-picker.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
cw_case_picker_constructed (GObject *object)
{
  CwCasePicker *self = CW_CASE_PICKER (object);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *model;

  G_OBJECT_CLASS (cw_case_picker_parent_class)->constructed (object);
  ensure_style ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  if (self->selectable)
    {
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, FALSE);
      g_signal_connect_swapped (self->selection, "notify::selected",
                                G_CALLBACK (selection_changed_cb), self);
      model = GTK_SELECTION_MODEL (g_object_ref (self->selection));
    }
  else
    model = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items))));

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (model, factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cases"), -1);

  /* As tall as its cases, up to a height; then it scrolls. */
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled),
                                              MAX_LIST_HEIGHT);
  gtk_widget_add_css_class (self->scrolled, "card");
  gtk_widget_set_overflow (self->scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled),
                                 GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->placeholder = gtk_label_new (_("No cases yet"));
  gtk_widget_set_margin_top (self->placeholder, 18);
  gtk_widget_set_margin_bottom (self->placeholder, 18);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
  show_placeholder (self);
}

static void
cw_case_picker_dispose (GObject *object)
{
  CwCasePicker *self = CW_CASE_PICKER (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->placeholder, gtk_widget_unparent);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (cw_case_picker_parent_class)->dispose (object);
}

static void
cw_case_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwCasePicker *self = CW_CASE_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTABLE:
      g_value_set_boolean (value, self->selectable);
      break;

    case PROP_SELECTED:
      g_value_set_string (value, cw_case_picker_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CwCasePicker *self = CW_CASE_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTABLE:
      self->selectable = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_picker_class_init (CwCasePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_case_picker_constructed;
  object_class->dispose = cw_case_picker_dispose;
  object_class->get_property = cw_case_picker_get_property;
  object_class->set_property = cw_case_picker_set_property;

  /**
   * CwCasePicker:selectable:
   *
   * Whether a case can be made the current one by clicking its row.
   */
  properties[PROP_SELECTABLE] =
    g_param_spec_boolean ("selectable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CwCasePicker:selected:
   *
   * The id of the current case, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwCasePicker::toggled:
   * @case_id: the case the user ticked or unticked
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "cw-case-picker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cw_case_picker_init (CwCasePicker *self)
{
  self->items = g_list_store_new (CW_TYPE_CASE_PICKER_ITEM);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
cw_case_picker_new (gboolean selectable)
{
  return g_object_new (CW_TYPE_CASE_PICKER, "selectable", selectable, NULL);
}
