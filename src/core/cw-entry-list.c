/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-entry-list"

#include <string.h>

#include "cw-entry-list.h"

/*
 * One case's timeline as a GListModel of CwEntry, newest first. It follows
 * the store: when one entry changes it reads that one again and moves it
 * where it now belongs; when more do, it reads them all again and reports
 * only the stretch that differs. Either way a view keeps the rows above
 * and below an edit (and its scroll position) as they were, and an edit
 * on a timeline of fifty thousand entries costs no more than on a short one.
 *
 * An incremental list (the window's) reads the newest entries at once and
 * the rest in short stretches with a pause between them, so that a
 * timeline of tens of thousands of entries shows its first rows in the
 * next frame and the window keeps drawing while the rest comes. The first
 * stretch is no more than a screenful: a list view makes a row widget for
 * every item up to a couple of hundred, and those would delay the frame.
 */

#define FIRST_STRETCH 40
#define NEXT_STRETCH  1000
#define FIRST_PAUSE   100     /* ms before the second stretch: a view draws the first */
#define STRETCH_PAUSE 8       /* ms between the next ones, for the frames */

struct _CwEntryList
{
  GObject parent_instance;

  CwStore *store;
  char *case_id;
  GPtrArray *entries;   /* CwEntry */
  gboolean incremental;
  gboolean complete;    /* every entry of the case is in entries */
  guint n_total;        /* how many the case has, as last counted */
  guint more_source;    /* reads the next stretch */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwEntryList, cw_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_N_ITEMS,
  PROP_INCREMENTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
cw_entry_list_get_item_type (GListModel *model)
{
  return CW_TYPE_ENTRY;
}

static guint
cw_entry_list_get_n_items (GListModel *model)
{
  return CW_ENTRY_LIST (model)->entries->len;
}

static gpointer
cw_entry_list_get_item (GListModel *model,
                        guint       position)
{
  CwEntryList *self = CW_ENTRY_LIST (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cw_entry_list_get_item_type;
  iface->get_n_items = cw_entry_list_get_n_items;
  iface->get_item = cw_entry_list_get_item;
}

/* Whether a view showing @a would show exactly @b. */
static gboolean
entries_equal (CwEntry *a,
               CwEntry *b)
{
  return g_strcmp0 (cw_entry_get_id (a), cw_entry_get_id (b)) == 0 &&
         g_strcmp0 (cw_entry_get_updated (a), cw_entry_get_updated (b)) == 0 &&
         g_strcmp0 (cw_entry_get_date (a), cw_entry_get_date (b)) == 0 &&
         cw_entry_get_category (a) == cw_entry_get_category (b) &&
         g_strcmp0 (cw_entry_get_kind (a), cw_entry_get_kind (b)) == 0 &&
         cw_entry_get_count (a) == cw_entry_get_count (b) &&
         cw_entry_get_private (a) == cw_entry_get_private (b) &&
         g_strcmp0 (cw_entry_get_title (a), cw_entry_get_title (b)) == 0 &&
         g_strcmp0 (cw_entry_get_notes (a), cw_entry_get_notes (b)) == 0;
}

static void
items_changed (CwEntryList *self,
               guint        position,
               guint        removed,
               guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/*
 * Takes @fresh as the list, keeping the rows at either end that did not
 * change (the same objects, so bound widgets stay) and reporting the
 * stretch between them as one change.
 */
static void
merge (CwEntryList *self,
       GPtrArray   *fresh)
{
  GPtrArray *old = self->entries;
  guint shorter = MIN (old->len, fresh->len);
  guint head = 0, tail = 0, removed, added;
  GPtrArray *merged;

  while (head < shorter &&
         entries_equal (g_ptr_array_index (old, head), g_ptr_array_index (fresh, head)))
    head++;
  while (tail < shorter - head &&
         entries_equal (g_ptr_array_index (old, old->len - 1 - tail),
                        g_ptr_array_index (fresh, fresh->len - 1 - tail)))
    tail++;

  removed = old->len - head - tail;
  added = fresh->len - head - tail;
  if (removed == 0 && added == 0)
    return;

  merged = g_ptr_array_new_full (fresh->len, g_object_unref);
  for (guint i = 0; i < fresh->len; i++)
    {
      gboolean kept = i < head || i >= head + added;
      CwEntry *entry = kept ? g_ptr_array_index (old, i < head ? i : i - added + removed)
                            : g_ptr_array_index (fresh, i);

      g_ptr_array_add (merged, g_object_ref (entry));
    }
  g_ptr_array_unref (self->entries);
  self->entries = merged;

  items_changed (self, head, removed, added);
}

static void
clear (CwEntryList *self)
{
  guint removed = self->entries->len;

  if (removed == 0)
    return;
  g_ptr_array_set_size (self->entries, 0);
  items_changed (self, 0, removed, 0);
}

/* The next stretch of an incremental list, after the last entry read. */
static gboolean
read_more_cb (gpointer user_data)
{
  CwEntryList *self = user_data;
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(GError) error = NULL;
  CwEntry *last;
  guint position = self->entries->len;

  last = position > 0 ? g_ptr_array_index (self->entries, position - 1) : NULL;
  more = cw_store_list_entries_after (self->store, self->case_id, last, NEXT_STRETCH, &error);
  if (more == NULL)
    {
      g_warning ("Could not read the rest of the timeline of %s: %s", self->case_id, error->message);
      self->more_source = 0;
      return G_SOURCE_REMOVE;
    }

  self->complete = more->len < NEXT_STRETCH;
  g_ptr_array_extend_and_steal (self->entries, g_steal_pointer (&more));
  if (self->entries->len > position)
    items_changed (self, position, 0, self->entries->len - position);

  self->more_source = 0;
  if (!self->complete)
    self->more_source = g_timeout_add_full (G_PRIORITY_LOW, STRETCH_PAUSE, read_more_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* The timeline's order, as the store's "ORDER BY date DESC, id DESC":
 * negative if @a comes before @b. Both columns compare as bytes. */
static int
compare_entries (CwEntry *a,
                 CwEntry *b)
{
  int cmp = strcmp (cw_entry_get_date (b), cw_entry_get_date (a));

  return cmp != 0 ? cmp : strcmp (cw_entry_get_id (b), cw_entry_get_id (a));
}

/* Where @entry goes: after every entry that comes before it. */
static guint
find_place (CwEntryList *self,
            CwEntry     *entry)
{
  guint low = 0, high = self->entries->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_entries (g_ptr_array_index (self->entries, middle), entry) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* How many entries an incremental list's case has, after one changed. */
static gboolean
finish_update (CwEntryList *self)
{
  if (!self->complete)
    self->n_total = cw_store_count_entries (self->store, self->case_id);
  return TRUE;
}

/*
 * Reads the one entry that changed again: gone, it leaves the list; new or
 * edited, it goes where its date puts it. Returns %FALSE if the list must
 * be read again instead.
 */
static gboolean
update_entry (CwEntryList *self,
              const char  *entry_id)
{
  g_autoptr(CwEntry) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint old = G_MAXUINT, place;

  fresh = cw_store_load_entry (self->store, entry_id, &error);
  if (fresh == NULL && !g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND))
    return FALSE;
  if (fresh != NULL && (g_strcmp0 (cw_entry_get_case_id (fresh), self->case_id) != 0 ||
                        cw_entry_get_date (fresh) == NULL || cw_entry_get_id (fresh) == NULL))
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    if (g_strcmp0 (cw_entry_get_id (g_ptr_array_index (self->entries, i)), entry_id) == 0)
      {
        old = i;
        break;
      }

  if (old != G_MAXUINT)
    {
      if (fresh != NULL && entries_equal (g_ptr_array_index (self->entries, old), fresh))
        return TRUE;
      g_ptr_array_remove_index (self->entries, old);
    }

  /* Past the end of a list still being read, the entry comes with the rest. */
  place = fresh != NULL ? find_place (self, fresh) : G_MAXUINT;
  if (place == self->entries->len && !self->complete)
    place = G_MAXUINT;

  /* Edited in place, one row replaced. Moved, out of one place and into
   * another, so the rows between keep their widgets, however many. Each
   * change is told once the list is as it says. */
  if (old != G_MAXUINT && place == old)
    {
      g_ptr_array_insert (self->entries, place, g_steal_pointer (&fresh));
      items_changed (self, old, 1, 1);
      return finish_update (self);
    }
  if (old != G_MAXUINT)
    items_changed (self, old, 1, 0);
  if (place != G_MAXUINT)
    {
      g_ptr_array_insert (self->entries, place, g_steal_pointer (&fresh));
      items_changed (self, place, 0, 1);
    }
  return finish_update (self);
}

static void
entries_changed_cb (CwEntryList *self,
                    const char  *case_id,
                    CwStore     *store)
{
  g_autoptr(GError) error = NULL;
  const char *entry_id;

  if (g_strcmp0 (case_id, self->case_id) != 0)
    return;

  entry_id = cw_store_get_changed_entry (store);
  if (entry_id != NULL && update_entry (self, entry_id))
    return;

  if (!cw_entry_list_reload (self, &error))
    g_warning ("Could not refresh the timeline of %s: %s", case_id, error->message);
}

static void
case_removed_cb (CwEntryList *self,
                 const char  *case_id,
                 CwStore     *store)
{
  /* The store deletes the entries with the case without a word about them. */
  if (g_strcmp0 (case_id, self->case_id) == 0)
    {
      g_clear_handle_id (&self->more_source, g_source_remove);
      clear (self);
      self->complete = TRUE;
    }
}

static void
cw_entry_list_dispose (GObject *object)
{
  CwEntryList *self = (CwEntryList *) object;

  g_clear_handle_id (&self->more_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_entry_list_parent_class)->dispose (object);
}

static void
cw_entry_list_finalize (GObject *object)
{
  CwEntryList *self = (CwEntryList *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->case_id, g_free);

  G_OBJECT_CLASS (cw_entry_list_parent_class)->finalize (object);
}

static void
cw_entry_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CwEntryList *self = CW_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;
    case PROP_INCREMENTAL:
      g_value_set_boolean (value, self->incremental);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_entry_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CwEntryList *self = CW_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_dup_string (value);
      break;
    case PROP_INCREMENTAL:
      self->incremental = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_entry_list_constructed (GObject *object)
{
  CwEntryList *self = (CwEntryList *) object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (cw_entry_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "entries-changed", G_CALLBACK (entries_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "case-removed", G_CALLBACK (case_removed_cb),
                           self, G_CONNECT_SWAPPED);

  if (!cw_entry_list_reload (self, &error))
    g_warning ("Could not load the timeline of %s: %s", self->case_id, error->message);
}

static void
cw_entry_list_class_init (CwEntryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cw_entry_list_dispose;
  object_class->finalize = cw_entry_list_finalize;
  object_class->get_property = cw_entry_list_get_property;
  object_class->set_property = cw_entry_list_set_property;
  object_class->constructed = cw_entry_list_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCREMENTAL] =
    g_param_spec_boolean ("incremental", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_entry_list_init (CwEntryList *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cw_entry_list_new:
 * @case_id: (nullable): the case whose timeline to list; %NULL for an
 *   empty list
 */
CwEntryList *
cw_entry_list_new (CwStore    *store,
                   const char *case_id)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_ENTRY_LIST, "store", store, "case-id", case_id, NULL);
}

/**
 * cw_entry_list_new_incremental:
 * @case_id: (nullable): the case whose timeline to list
 *
 * Like cw_entry_list_new(), but only the newest entries are there at
 * first; the rest follow in stretches while the main loop is idle.
 */
CwEntryList *
cw_entry_list_new_incremental (CwStore    *store,
                               const char *case_id)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_ENTRY_LIST, "store", store, "case-id", case_id,
                       "incremental", TRUE, NULL);
}

/* Whether every entry of the case is in the list yet. */
gboolean
cw_entry_list_is_complete (CwEntryList *self)
{
  g_return_val_if_fail (CW_IS_ENTRY_LIST (self), FALSE);
  return self->complete;
}

/* How many entries the case has, even those an incremental list has not
 * read yet. */
guint
cw_entry_list_get_n_total (CwEntryList *self)
{
  g_return_val_if_fail (CW_IS_ENTRY_LIST (self), 0);
  return self->complete ? self->entries->len : MAX (self->n_total, self->entries->len);
}

CwStore *
cw_entry_list_get_store (CwEntryList *self)
{
  g_return_val_if_fail (CW_IS_ENTRY_LIST (self), NULL);
  return self->store;
}

const char *
cw_entry_list_get_case_id (CwEntryList *self)
{
  g_return_val_if_fail (CW_IS_ENTRY_LIST (self), NULL);
  return self->case_id;
}

/**
 * cw_entry_list_reload:
 *
 * Reads the case's timeline again. Entries that did not change stay the
 * same objects, and only the stretch that differs is reported.
 */
gboolean
cw_entry_list_reload (CwEntryList  *self,
                      GError      **error)
{
  g_autoptr(GPtrArray) fresh = NULL;
  guint limit;

  g_return_val_if_fail (CW_IS_ENTRY_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->case_id == NULL)
    {
      clear (self);
      self->complete = TRUE;
      return TRUE;
    }

  if (!self->incremental || self->complete)
    {
      fresh = cw_store_list_entries (self->store, self->case_id, error);
      if (fresh == NULL)
        return FALSE;
      merge (self, fresh);
      self->complete = TRUE;
      return TRUE;
    }

  /* Read again as much as was shown, and go on from there. */
  limit = MAX (self->entries->len, FIRST_STRETCH);
  fresh = cw_store_list_entries_after (self->store, self->case_id, NULL, limit, error);
  if (fresh == NULL)
    return FALSE;
  self->complete = fresh->len < limit;
  self->n_total = self->complete ? fresh->len : cw_store_count_entries (self->store, self->case_id);
  merge (self, fresh);
  if (!self->complete && self->more_source == 0)
    {
      self->more_source = g_timeout_add_full (G_PRIORITY_LOW, FIRST_PAUSE, read_more_cb, self, NULL);
      g_source_set_name_by_id (self->more_source, "[casework] timeline: read more");
    }
  else if (self->complete)
    g_clear_handle_id (&self->more_source, g_source_remove);
  return TRUE;
}
