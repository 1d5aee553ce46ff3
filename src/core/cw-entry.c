/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-entry"

#include "cw-entry.h"
#include "cw-string.h"

/* One line of a case's timeline: an activity, an outcome or an update. */
struct _CwEntry
{
  GObject parent_instance;

  char *id;
  char *case_id;
  char *date;
  char *kind;
  char *title;
  char *notes;
  char *updated;
  CwDatePrecision precision;
  CwEntryCategory category;
  gint64 count;
  gboolean is_private;
};

G_DEFINE_FINAL_TYPE (CwEntry, cw_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_DATE,
  PROP_PRECISION,
  PROP_CATEGORY,
  PROP_KIND,
  PROP_COUNT,
  PROP_PRIVATE,
  PROP_TITLE,
  PROP_NOTES,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_prop (CwEntry     *self,
                 char       **field,
                 const char  *value,
                 guint        prop_id)
{
  if (cw_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
cw_entry_finalize (GObject *object)
{
  CwEntry *self = (CwEntry *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->date);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->notes);
  g_free (self->updated);

  G_OBJECT_CLASS (cw_entry_parent_class)->finalize (object);
}

static void
cw_entry_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CwEntry *self = CW_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_PRECISION:
      g_value_set_int (value, self->precision);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    case PROP_PRIVATE:
      g_value_set_boolean (value, self->is_private);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_entry_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CwEntry *self = CW_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      cw_entry_set_id (self, g_value_get_string (value));
      break;
    case PROP_CASE_ID:
      cw_entry_set_case_id (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      cw_entry_set_date (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      cw_entry_set_category (self, g_value_get_enum (value));
      break;
    case PROP_KIND:
      cw_entry_set_kind (self, g_value_get_string (value));
      break;
    case PROP_COUNT:
      cw_entry_set_count (self, g_value_get_int64 (value));
      break;
    case PROP_PRIVATE:
      cw_entry_set_private (self, g_value_get_boolean (value));
      break;
    case PROP_TITLE:
      cw_entry_set_title (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      cw_entry_set_notes (self, g_value_get_string (value));
      break;
    case PROP_UPDATED:
      cw_entry_set_updated (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_entry_class_init (CwEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cw_entry_finalize;
  object_class->get_property = cw_entry_get_property;
  object_class->set_property = cw_entry_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_PRECISION] =
    g_param_spec_int ("precision", NULL, NULL,
                      CW_DATE_PRECISION_NONE, CW_DATE_PRECISION_DAY, CW_DATE_PRECISION_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       CW_TYPE_ENTRY_CATEGORY, CW_ENTRY_CATEGORY_ACTIVITY, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, CW_ENTRY_NO_COUNT, G_MAXINT64, CW_ENTRY_NO_COUNT, flags);
  properties[PROP_PRIVATE] = g_param_spec_boolean ("private", NULL, NULL, FALSE, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_string ("updated", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_entry_init (CwEntry *self)
{
  self->count = CW_ENTRY_NO_COUNT;
}

CwEntry *
cw_entry_new (void)
{
  return g_object_new (CW_TYPE_ENTRY, NULL);
}

CwEntry *
cw_entry_copy (CwEntry *self)
{
  CwEntry *copy;

  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);

  copy = cw_entry_new ();
  copy->id = g_strdup (self->id);
  copy->case_id = g_strdup (self->case_id);
  copy->date = g_strdup (self->date);
  copy->precision = self->precision;
  copy->category = self->category;
  copy->kind = g_strdup (self->kind);
  copy->count = self->count;
  copy->is_private = self->is_private;
  copy->title = g_strdup (self->title);
  copy->notes = g_strdup (self->notes);
  copy->updated = g_strdup (self->updated);
  return copy;
}

const char *
cw_entry_get_id (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->id;
}

void
cw_entry_set_id (CwEntry    *self,
                 const char *id)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  set_string_prop (self, &self->id, id, PROP_ID);
}

const char *
cw_entry_get_case_id (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->case_id;
}

void
cw_entry_set_case_id (CwEntry    *self,
                      const char *case_id)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  set_string_prop (self, &self->case_id, case_id, PROP_CASE_ID);
}

const char *
cw_entry_get_date (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->date;
}

/**
 * cw_entry_set_date:
 * @date: a partial ISO date; its precision follows from how it is written
 */
void
cw_entry_set_date (CwEntry    *self,
                   const char *date)
{
  CwDate parsed = { 0 };
  CwDatePrecision precision;

  g_return_if_fail (CW_IS_ENTRY (self));

  precision = cw_date_parse (date, &parsed, NULL) ? parsed.precision : CW_DATE_PRECISION_NONE;
  set_string_prop (self, &self->date, date, PROP_DATE);
  if (self->precision != precision)
    {
      self->precision = precision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRECISION]);
    }
}

CwDatePrecision
cw_entry_get_precision (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), CW_DATE_PRECISION_NONE);
  return self->precision;
}

CwEntryCategory
cw_entry_get_category (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), CW_ENTRY_CATEGORY_ACTIVITY);
  return self->category;
}

void
cw_entry_set_category (CwEntry         *self,
                       CwEntryCategory  category)
{
  g_return_if_fail (CW_IS_ENTRY (self));

  if (self->category == category)
    return;
  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
cw_entry_get_kind (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->kind;
}

void
cw_entry_set_kind (CwEntry    *self,
                   const char *kind)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  set_string_prop (self, &self->kind, kind, PROP_KIND);
}

gint64
cw_entry_get_count (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), CW_ENTRY_NO_COUNT);
  return self->count;
}

void
cw_entry_set_count (CwEntry *self,
                    gint64   count)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  g_return_if_fail (count >= CW_ENTRY_NO_COUNT);

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

gboolean
cw_entry_get_private (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), FALSE);
  return self->is_private;
}

void
cw_entry_set_private (CwEntry  *self,
                      gboolean  is_private)
{
  g_return_if_fail (CW_IS_ENTRY (self));

  is_private = !!is_private;
  if (self->is_private == is_private)
    return;
  self->is_private = is_private;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVATE]);
}

const char *
cw_entry_get_title (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->title;
}

void
cw_entry_set_title (CwEntry    *self,
                    const char *title)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  set_string_prop (self, &self->title, title, PROP_TITLE);
}

const char *
cw_entry_get_notes (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->notes;
}

void
cw_entry_set_notes (CwEntry    *self,
                    const char *notes)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  set_string_prop (self, &self->notes, notes, PROP_NOTES);
}

const char *
cw_entry_get_updated (CwEntry *self)
{
  g_return_val_if_fail (CW_IS_ENTRY (self), NULL);
  return self->updated;
}

void
cw_entry_set_updated (CwEntry    *self,
                      const char *timestamp)
{
  g_return_if_fail (CW_IS_ENTRY (self));
  set_string_prop (self, &self->updated, timestamp, PROP_UPDATED);
}
