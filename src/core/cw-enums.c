/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-enums"

#include <glib/gi18n-lib.h>

#include "cw-enums.h"

G_DEFINE_ENUM_TYPE (CwCaseKind, cw_case_kind,
  G_DEFINE_ENUM_VALUE (CW_CASE_KIND_INDIVIDUAL, "individual"),
  G_DEFINE_ENUM_VALUE (CW_CASE_KIND_GROUP, "group"),
  G_DEFINE_ENUM_VALUE (CW_CASE_KIND_COMMUNITY, "community"))

G_DEFINE_ENUM_TYPE (CwCaseType, cw_case_type,
  G_DEFINE_ENUM_VALUE (CW_CASE_TYPE_LONG_TERM, "long-term"),
  G_DEFINE_ENUM_VALUE (CW_CASE_TYPE_URGENT_ACTION, "urgent-action"))

G_DEFINE_ENUM_TYPE (CwCaseStatus, cw_case_status,
  G_DEFINE_ENUM_VALUE (CW_CASE_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (CW_CASE_STATUS_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (CW_CASE_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (CwEntryCategory, cw_entry_category,
  G_DEFINE_ENUM_VALUE (CW_ENTRY_CATEGORY_ACTIVITY, "activity"),
  G_DEFINE_ENUM_VALUE (CW_ENTRY_CATEGORY_OUTCOME, "outcome"),
  G_DEFINE_ENUM_VALUE (CW_ENTRY_CATEGORY_UPDATE, "update"))

static const char * const activity_kinds[] = {
  "letter", "email", "card", "petition", "stall", "demonstration", "vigil",
  "media", "social-media", "meeting", "phone-call", "event", "other", NULL
};

static const char * const outcome_kinds[] = {
  "reply", "release", "trial", "verdict", "sentence", "charges-dropped",
  "transfer", "visit", "health", "detention", "other", NULL
};

static const char * const update_kinds[] = {
  "coordinator-update", "casefile-update", "urgent-action", "follow-up",
  "other", NULL
};

static const char * const regions[] = {
  "africa", "americas", "asia-pacific", "europe-central-asia",
  "middle-east-north-africa", NULL
};

static const char * const closed_outcomes[] = {
  "released", "resolved", "relinquished", "ended", NULL
};

static const char * const person_roles[] = {
  "subject", "family", "lawyer", "other", NULL
};

static const char * const target_roles[] = {
  "appeal", "copy", "solidarity", NULL
};

static const char * const reference_schemes[] = {
  "ai-index", "ua", "internal", NULL
};

static const char * const access_values[] = {
  "yes", "no", "restricted", NULL
};

static const char * const public_action_values[] = {
  "allowed", "restricted", "forbidden", NULL
};

static const char * const solidarity_values[] = {
  "allowed", "forbidden", NULL
};

static gboolean
word_in (const char         *word,
         const char * const *words)
{
  return word != NULL && g_strv_contains (words, word);
}

const char *
cw_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
cw_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
cw_case_type_to_label (CwCaseType type)
{
  switch (type)
    {
    case CW_CASE_TYPE_URGENT_ACTION:
      return _("Urgent action");
    case CW_CASE_TYPE_LONG_TERM:
    default:
      return _("Long-term");
    }
}

const char *
cw_case_status_to_label (CwCaseStatus status)
{
  switch (status)
    {
    case CW_CASE_STATUS_PAUSED:
      return _("Paused");
    case CW_CASE_STATUS_CLOSED:
      return _("Closed");
    case CW_CASE_STATUS_ACTIVE:
    default:
      return _("Active");
    }
}

const char * const *
cw_entry_kinds (CwEntryCategory category)
{
  switch (category)
    {
    case CW_ENTRY_CATEGORY_OUTCOME:
      return outcome_kinds;
    case CW_ENTRY_CATEGORY_UPDATE:
      return update_kinds;
    case CW_ENTRY_CATEGORY_ACTIVITY:
    default:
      return activity_kinds;
    }
}

gboolean
cw_entry_kind_is_valid (CwEntryCategory  category,
                        const char      *kind)
{
  return word_in (kind, cw_entry_kinds (category));
}

const char * const *
cw_regions (void)
{
  return regions;
}

gboolean
cw_region_is_valid (const char *region)
{
  return word_in (region, regions);
}

const char *
cw_region_to_label (const char *region)
{
  if (g_strcmp0 (region, "africa") == 0)
    return _("Africa");
  if (g_strcmp0 (region, "americas") == 0)
    return _("Americas");
  if (g_strcmp0 (region, "asia-pacific") == 0)
    return _("Asia and the Pacific");
  if (g_strcmp0 (region, "europe-central-asia") == 0)
    return _("Europe and Central Asia");
  if (g_strcmp0 (region, "middle-east-north-africa") == 0)
    return _("Middle East and North Africa");
  return "";
}

gboolean
cw_closed_outcome_is_valid (const char *outcome)
{
  return word_in (outcome, closed_outcomes);
}

gboolean
cw_person_role_is_valid (const char *role)
{
  return word_in (role, person_roles);
}

gboolean
cw_target_role_is_valid (const char *role)
{
  return word_in (role, target_roles);
}

gboolean
cw_reference_scheme_is_valid (const char *scheme)
{
  return word_in (scheme, reference_schemes);
}

gboolean
cw_access_is_valid (const char *access)
{
  return word_in (access, access_values);
}

gboolean
cw_public_action_is_valid (const char *value)
{
  return word_in (value, public_action_values);
}

gboolean
cw_solidarity_is_valid (const char *value)
{
  return word_in (value, solidarity_values);
}
