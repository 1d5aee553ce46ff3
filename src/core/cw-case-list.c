/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-list"

#include "cw-case-list.h"

/*
 * Every case in the store, as a GListModel of CwCase summaries. It follows
 * the store's change signals, updating rows in place so that views bound
 * to a case see its new title without losing their selection.
 */
struct _CwCaseList
{
  GObject parent_instance;

  CwStore *store;
  GPtrArray *cases;     /* CwCase */
  GHashTable *by_id;    /* id → CwCase, borrowed from cases */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwCaseList, cw_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
cw_case_list_get_item_type (GListModel *model)
{
  return CW_TYPE_CASE;
}

static guint
cw_case_list_get_n_items (GListModel *model)
{
  return CW_CASE_LIST (model)->cases->len;
}

static gpointer
cw_case_list_get_item (GListModel *model,
                       guint       position)
{
  CwCaseList *self = CW_CASE_LIST (model);

  if (position >= self->cases->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->cases, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cw_case_list_get_item_type;
  iface->get_n_items = cw_case_list_get_n_items;
  iface->get_item = cw_case_list_get_item;
}

static void
items_changed (CwCaseList *self,
               guint       position,
               guint       removed,
               guint       added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
case_added_cb (CwCaseList *self,
               const char *id,
               CwStore    *store)
{
  g_autoptr(GError) error = NULL;
  CwCase *kase;

  if (g_hash_table_contains (self->by_id, id))
    return;

  kase = cw_store_load_case_summary (store, id, &error);
  if (kase == NULL)
    {
      g_warning ("Could not show the new case %s: %s", id, error->message);
      return;
    }

  g_ptr_array_add (self->cases, kase);
  g_hash_table_insert (self->by_id, (gpointer) cw_case_get_id (kase), kase);
  items_changed (self, self->cases->len - 1, 0, 1);
}

static void
case_changed_cb (CwCaseList *self,
                 const char *id,
                 CwStore    *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) fresh = NULL;
  CwCase *kase;
  guint position;

  kase = cw_case_list_find (self, id, &position);
  if (kase == NULL)
    {
      case_added_cb (self, id, store);
      return;
    }

  fresh = cw_store_load_case_summary (store, id, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not refresh the case %s: %s", id, error->message);
      return;
    }

  cw_case_update_summary_from (kase, fresh);
  /* Same item, so sorters and filters above us look at it again. */
  items_changed (self, position, 1, 1);
}

static void
case_removed_cb (CwCaseList *self,
                 const char *id,
                 CwStore    *store)
{
  guint position;

  if (cw_case_list_find (self, id, &position) == NULL)
    return;

  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->cases, position);
  items_changed (self, position, 1, 0);
}

static void
cw_case_list_dispose (GObject *object)
{
  CwCaseList *self = (CwCaseList *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_case_list_parent_class)->dispose (object);
}

static void
cw_case_list_finalize (GObject *object)
{
  CwCaseList *self = (CwCaseList *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_case_list_parent_class)->finalize (object);
}

static void
cw_case_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CwCaseList *self = CW_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->cases->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CwCaseList *self = CW_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_list_constructed (GObject *object)
{
  CwCaseList *self = (CwCaseList *) object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (cw_case_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "case-added", G_CALLBACK (case_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "case-changed", G_CALLBACK (case_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "case-removed", G_CALLBACK (case_removed_cb),
                           self, G_CONNECT_SWAPPED);

  if (!cw_case_list_reload (self, &error))
    g_warning ("Could not load the case list: %s", error->message);
}

static void
cw_case_list_class_init (CwCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cw_case_list_dispose;
  object_class->finalize = cw_case_list_finalize;
  object_class->get_property = cw_case_list_get_property;
  object_class->set_property = cw_case_list_set_property;
  object_class->constructed = cw_case_list_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_case_list_init (CwCaseList *self)
{
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

CwCaseList *
cw_case_list_new (CwStore *store)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_CASE_LIST, "store", store, NULL);
}

CwStore *
cw_case_list_get_store (CwCaseList *self)
{
  g_return_val_if_fail (CW_IS_CASE_LIST (self), NULL);
  return self->store;
}

gboolean
cw_case_list_reload (CwCaseList  *self,
                     GError     **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint removed;

  g_return_val_if_fail (CW_IS_CASE_LIST (self), FALSE);

  fresh = cw_store_list_cases (self->store, error);
  if (fresh == NULL)
    return FALSE;

  removed = self->cases->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_unref (self->cases);
  self->cases = g_steal_pointer (&fresh);
  for (guint i = 0; i < self->cases->len; i++)
    {
      CwCase *kase = g_ptr_array_index (self->cases, i);

      g_hash_table_insert (self->by_id, (gpointer) cw_case_get_id (kase), kase);
    }

  if (removed > 0 || self->cases->len > 0)
    items_changed (self, 0, removed, self->cases->len);
  return TRUE;
}

/**
 * cw_case_list_find:
 * @position: (out) (optional): where the case is in the list
 *
 * Returns: (transfer none) (nullable): the case with that id
 */
CwCase *
cw_case_list_find (CwCaseList *self,
                   const char *id,
                   guint      *position)
{
  CwCase *kase;
  guint index;

  g_return_val_if_fail (CW_IS_CASE_LIST (self), NULL);

  kase = g_hash_table_lookup (self->by_id, id);
  if (kase == NULL)
    return NULL;

  if (position != NULL)
    {
      if (!g_ptr_array_find (self->cases, kase, &index))
        g_assert_not_reached ();
      *position = index;
    }
  return kase;
}
