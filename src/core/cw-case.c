/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case"

#include <string.h>

#include "cw-case.h"
#include "cw-date.h"
#include "cw-string.h"

enum {
  PROP_0,
  /* string properties, kept in self->strings[] */
  PROP_ID,
  PROP_TITLE,
  PROP_COUNTRY_CODE,
  PROP_COUNTRY_NAME,
  PROP_REGION,
  PROP_OPENED,
  PROP_CLOSED,
  PROP_CLOSED_OUTCOME,
  PROP_UA_NUMBER,
  PROP_UA_ISSUED,
  PROP_UA_DEADLINE,
  PROP_SUMMARY,
  PROP_BACKGROUND,
  PROP_PUBLIC_ACTION,
  PROP_SOLIDARITY,
  PROP_MODIFIED,
  PROP_UPDATED,
  PROP_LAST_ACTIVITY,
  PROP_LAST_ACTION,
  PROP_NEXT_FOLLOW_UP,
  N_STRING_PROPS,
  PROP_KIND = N_STRING_PROPS,
  PROP_TYPE,
  PROP_STATUS,
  PROP_UA_SEQUENCE,
  PROP_HAS_DETAILS,
  N_PROPS
};

struct _CwCase
{
  GObject parent_instance;

  char *strings[N_STRING_PROPS];
  char *title_key;                /* collation key of the title, made when first sorted */
  CwCaseKind kind;
  CwCaseType type;
  CwCaseStatus status;
  guint ua_sequence;
  gboolean has_details;
  gint64 row;                     /* the store's number for the case; 0 if none */

  GPtrArray *references;          /* CwReference */
  GPtrArray *themes;              /* char * */
  GPtrArray *people;              /* CwPerson */
  CwDetention *detention;
  GPtrArray *safety_notes;        /* char * */
  CwContact *coordinator;
  GPtrArray *holders;             /* CwContact */
  GPtrArray *targets;             /* CwTarget */
  GPtrArray *recommended_actions; /* char * */
  GPtrArray *model_letters;       /* CwModelLetter */
};

G_DEFINE_FINAL_TYPE (CwCase, cw_case, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_string (CwCase     *self,
            guint       prop_id,
            const char *value)
{
  g_assert (prop_id > PROP_0 && prop_id < N_STRING_PROPS);

  if (!cw_set_string (&self->strings[prop_id], value))
    return;

  if (prop_id == PROP_TITLE)
    g_clear_pointer (&self->title_key, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
cw_case_finalize (GObject *object)
{
  CwCase *self = (CwCase *) object;

  for (guint i = 0; i < N_STRING_PROPS; i++)
    g_free (self->strings[i]);
  g_free (self->title_key);

  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->themes, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->detention, cw_detention_free);
  g_clear_pointer (&self->safety_notes, g_ptr_array_unref);
  g_clear_pointer (&self->coordinator, cw_contact_free);
  g_clear_pointer (&self->holders, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->recommended_actions, g_ptr_array_unref);
  g_clear_pointer (&self->model_letters, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_case_parent_class)->finalize (object);
}

static void
cw_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CwCase *self = CW_CASE (object);

  if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    {
      g_value_set_string (value, self->strings[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_UA_SEQUENCE:
      g_value_set_uint (value, self->ua_sequence);
      break;
    case PROP_HAS_DETAILS:
      g_value_set_boolean (value, self->has_details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CwCase *self = CW_CASE (object);

  if (prop_id > PROP_0 && prop_id < N_STRING_PROPS)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      cw_case_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TYPE:
      cw_case_set_case_type (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      cw_case_set_status (self, g_value_get_enum (value));
      break;
    case PROP_UA_SEQUENCE:
      cw_case_set_ua_sequence (self, g_value_get_uint (value));
      break;
    case PROP_HAS_DETAILS:
      cw_case_set_has_details (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
cw_case_class_init (CwCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cw_case_finalize;
  object_class->get_property = cw_case_get_property;
  object_class->set_property = cw_case_set_property;

  properties[PROP_ID] = string_pspec ("id");
  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_COUNTRY_CODE] = string_pspec ("country-code");
  properties[PROP_COUNTRY_NAME] = string_pspec ("country-name");
  properties[PROP_REGION] = string_pspec ("region");
  properties[PROP_OPENED] = string_pspec ("opened");
  properties[PROP_CLOSED] = string_pspec ("closed");
  properties[PROP_CLOSED_OUTCOME] = string_pspec ("closed-outcome");
  properties[PROP_UA_NUMBER] = string_pspec ("ua-number");
  properties[PROP_UA_ISSUED] = string_pspec ("ua-issued");
  properties[PROP_UA_DEADLINE] = string_pspec ("ua-deadline");
  properties[PROP_SUMMARY] = string_pspec ("summary");
  properties[PROP_BACKGROUND] = string_pspec ("background");
  properties[PROP_PUBLIC_ACTION] = string_pspec ("public-action");
  properties[PROP_SOLIDARITY] = string_pspec ("solidarity");
  properties[PROP_MODIFIED] = string_pspec ("modified");
  properties[PROP_UPDATED] = string_pspec ("updated");
  properties[PROP_LAST_ACTIVITY] = string_pspec ("last-activity");
  properties[PROP_LAST_ACTION] = string_pspec ("last-action");
  properties[PROP_NEXT_FOLLOW_UP] = string_pspec ("next-follow-up");
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CW_TYPE_CASE_KIND, CW_CASE_KIND_INDIVIDUAL, flags);
  properties[PROP_TYPE] =
    g_param_spec_enum ("case-type", NULL, NULL, CW_TYPE_CASE_TYPE, CW_CASE_TYPE_LONG_TERM, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CW_TYPE_CASE_STATUS, CW_CASE_STATUS_ACTIVE, flags);
  properties[PROP_UA_SEQUENCE] =
    g_param_spec_uint ("ua-sequence", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_HAS_DETAILS] =
    g_param_spec_boolean ("has-details", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cw_case_init (CwCase *self)
{
  self->references = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_reference_free);
  self->themes = g_ptr_array_new_with_free_func (g_free);
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_person_free);
  self->safety_notes = g_ptr_array_new_with_free_func (g_free);
  self->holders = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_contact_free);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_target_free);
  self->recommended_actions = g_ptr_array_new_with_free_func (g_free);
  self->model_letters = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_model_letter_free);
}

CwCase *
cw_case_new (void)
{
  return g_object_new (CW_TYPE_CASE, NULL);
}

#define STRING_ACCESSORS(field, PROP)                               \
  const char *                                                      \
  cw_case_get_##field (CwCase *self)                                \
  {                                                                 \
    g_return_val_if_fail (CW_IS_CASE (self), NULL);                 \
    return self->strings[PROP];                                     \
  }                                                                 \
                                                                    \
  void                                                              \
  cw_case_set_##field (CwCase *self, const char *value)             \
  {                                                                 \
    g_return_if_fail (CW_IS_CASE (self));                           \
    set_string (self, PROP, value);                                 \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (country_code, PROP_COUNTRY_CODE)
STRING_ACCESSORS (country_name, PROP_COUNTRY_NAME)
STRING_ACCESSORS (region, PROP_REGION)
STRING_ACCESSORS (opened, PROP_OPENED)
STRING_ACCESSORS (closed, PROP_CLOSED)
STRING_ACCESSORS (closed_outcome, PROP_CLOSED_OUTCOME)
STRING_ACCESSORS (ua_number, PROP_UA_NUMBER)
STRING_ACCESSORS (ua_issued, PROP_UA_ISSUED)
STRING_ACCESSORS (ua_deadline, PROP_UA_DEADLINE)
STRING_ACCESSORS (summary, PROP_SUMMARY)
STRING_ACCESSORS (background, PROP_BACKGROUND)
STRING_ACCESSORS (public_action, PROP_PUBLIC_ACTION)
STRING_ACCESSORS (solidarity, PROP_SOLIDARITY)
STRING_ACCESSORS (modified, PROP_MODIFIED)
STRING_ACCESSORS (updated, PROP_UPDATED)
STRING_ACCESSORS (last_activity, PROP_LAST_ACTIVITY)
STRING_ACCESSORS (last_action, PROP_LAST_ACTION)
STRING_ACCESSORS (next_follow_up, PROP_NEXT_FOLLOW_UP)

#undef STRING_ACCESSORS

CwCaseKind
cw_case_get_kind (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), CW_CASE_KIND_INDIVIDUAL);
  return self->kind;
}

void
cw_case_set_kind (CwCase     *self,
                  CwCaseKind  kind)
{
  g_return_if_fail (CW_IS_CASE (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

CwCaseType
cw_case_get_case_type (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), CW_CASE_TYPE_LONG_TERM);
  return self->type;
}

void
cw_case_set_case_type (CwCase     *self,
                       CwCaseType  type)
{
  g_return_if_fail (CW_IS_CASE (self));

  if (self->type == type)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
}

CwCaseStatus
cw_case_get_status (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), CW_CASE_STATUS_ACTIVE);
  return self->status;
}

void
cw_case_set_status (CwCase       *self,
                    CwCaseStatus  status)
{
  g_return_if_fail (CW_IS_CASE (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

guint
cw_case_get_ua_sequence (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), 0);
  return self->ua_sequence;
}

/* 0 means the document gave no sequence */
void
cw_case_set_ua_sequence (CwCase *self,
                         guint   sequence)
{
  g_return_if_fail (CW_IS_CASE (self));

  if (self->ua_sequence == sequence)
    return;
  self->ua_sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UA_SEQUENCE]);
}

gboolean
cw_case_get_has_details (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), FALSE);
  return self->has_details;
}

void
cw_case_set_has_details (CwCase   *self,
                         gboolean  has_details)
{
  g_return_if_fail (CW_IS_CASE (self));

  has_details = !!has_details;
  if (self->has_details == has_details)
    return;
  self->has_details = has_details;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DETAILS]);
}

GPtrArray *
cw_case_get_references (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->references;
}

GPtrArray *
cw_case_get_themes (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->themes;
}

GPtrArray *
cw_case_get_people (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->people;
}

CwDetention *
cw_case_get_detention (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->detention;
}

/**
 * cw_case_set_detention:
 * @detention: (transfer full) (nullable): the detention details
 */
void
cw_case_set_detention (CwCase      *self,
                       CwDetention *detention)
{
  g_return_if_fail (CW_IS_CASE (self));

  if (self->detention == detention)
    return;
  g_clear_pointer (&self->detention, cw_detention_free);
  self->detention = detention;
}

GPtrArray *
cw_case_get_safety_notes (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->safety_notes;
}

CwContact *
cw_case_get_coordinator (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->coordinator;
}

/**
 * cw_case_set_coordinator:
 * @coordinator: (transfer full) (nullable): the country coordinator
 */
void
cw_case_set_coordinator (CwCase    *self,
                         CwContact *coordinator)
{
  g_return_if_fail (CW_IS_CASE (self));

  if (self->coordinator == coordinator)
    return;
  g_clear_pointer (&self->coordinator, cw_contact_free);
  self->coordinator = coordinator;
}

GPtrArray *
cw_case_get_holders (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->holders;
}

GPtrArray *
cw_case_get_targets (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->targets;
}

GPtrArray *
cw_case_get_recommended_actions (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->recommended_actions;
}

GPtrArray *
cw_case_get_model_letters (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), NULL);
  return self->model_letters;
}

/**
 * cw_case_update_summary_from:
 * @other: a fresher copy of the same case
 *
 * Copies the fields the case list shows, notifying only those that changed,
 * so that rows bound to @self follow a change made elsewhere.
 */
void
cw_case_update_summary_from (CwCase *self,
                             CwCase *other)
{
  g_return_if_fail (CW_IS_CASE (self));
  g_return_if_fail (CW_IS_CASE (other));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_ID + 1; i < N_STRING_PROPS; i++)
    set_string (self, i, other->strings[i]);
  cw_case_set_kind (self, other->kind);
  cw_case_set_case_type (self, other->type);
  cw_case_set_status (self, other->status);
  cw_case_set_ua_sequence (self, other->ua_sequence);
  self->row = other->row;
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cw_case_get_row:
 *
 * Returns: the store's number for the case, which its search index uses;
 *   0 for a case not read from a store
 */
gint64
cw_case_get_row (CwCase *self)
{
  g_return_val_if_fail (CW_IS_CASE (self), 0);
  return self->row;
}

void
cw_case_set_row (CwCase *self,
                 gint64  row)
{
  g_return_if_fail (CW_IS_CASE (self));
  self->row = row;
}

/**
 * cw_case_get_days_to_deadline:
 * @today: the day to count from
 * @days: (out): days left; 0 is today, negative has passed
 *
 * Returns: %TRUE if the case is an open urgent action with a deadline day
 */
gboolean
cw_case_get_days_to_deadline (CwCase      *self,
                              const GDate *today,
                              int         *days)
{
  g_autoptr(GDate) deadline = NULL;
  CwDate date;

  g_return_val_if_fail (CW_IS_CASE (self), FALSE);
  g_return_val_if_fail (today != NULL && days != NULL, FALSE);

  if (self->type != CW_CASE_TYPE_URGENT_ACTION || self->status == CW_CASE_STATUS_CLOSED ||
      !cw_date_parse (self->strings[PROP_UA_DEADLINE], &date, NULL) ||
      date.precision != CW_DATE_PRECISION_DAY)
    return FALSE;

  deadline = g_date_new_dmy (date.day, date.month, date.year);
  *days = g_date_days_between (today, deadline);
  return TRUE;
}

static gboolean
deadline_is_near (CwCase      *self,
                  const GDate *today,
                  int         *days)
{
  return cw_case_get_days_to_deadline (self, today, days) &&
         *days >= 0 && *days <= CW_CASE_DEADLINE_SOON_DAYS;
}

/* Sorting thousands of cases compares titles many times over; collating
 * each title once keeps a keystroke in the search instant. */
static const char *
title_key (CwCase *self)
{
  if (self->title_key == NULL)
    self->title_key = g_utf8_collate_key (self->strings[PROP_TITLE] ? self->strings[PROP_TITLE] : "",
                                          -1);
  return self->title_key;
}

/**
 * cw_case_compare_for_list:
 *
 * The case list's order: urgent actions whose deadline is near come first,
 * soonest first; then the most recently active; then by title.
 */
int
cw_case_compare_for_list (CwCase      *a,
                          CwCase      *b,
                          const GDate *today)
{
  int days_a = 0, days_b = 0;
  gboolean near_a, near_b;
  int order;

  g_return_val_if_fail (CW_IS_CASE (a) && CW_IS_CASE (b), 0);

  near_a = deadline_is_near (a, today, &days_a);
  near_b = deadline_is_near (b, today, &days_b);
  if (near_a != near_b)
    return near_a ? -1 : 1;
  if (near_a && days_a != days_b)
    return days_a < days_b ? -1 : 1;

  /* Newest activity first; a case with none goes after those with some. */
  order = g_strcmp0 (b->strings[PROP_LAST_ACTIVITY], a->strings[PROP_LAST_ACTIVITY]);
  if (order != 0)
    return order;

  return strcmp (title_key (a), title_key (b));
}

/* Days from @today to the first day @iso can mean. */
static gboolean
days_until (const char  *iso,
            const GDate *today,
            int         *days)
{
  g_autoptr(GDate) day = NULL;
  CwDate date;

  if (!cw_date_parse (iso, &date, NULL))
    return FALSE;

  day = g_date_new_dmy (MAX (date.day, 1), MAX (date.month, 1), date.year);
  *days = g_date_days_between (today, day);
  return TRUE;
}

/* Days from the last day @iso can mean to @today: "June 2025" was still
 * going on at the end of June. */
static gboolean
days_since (const char  *iso,
            const GDate *today,
            int         *days)
{
  g_autoptr(GDate) end = NULL;
  CwDate date;
  guint month;

  if (!cw_date_parse (iso, &date, NULL))
    return FALSE;

  month = date.precision == CW_DATE_PRECISION_YEAR ? 12 : date.month;
  end = g_date_new_dmy (date.precision == CW_DATE_PRECISION_DAY
                        ? date.day : g_date_get_days_in_month (month, date.year),
                        month, date.year);
  *days = g_date_days_between (end, today);
  return TRUE;
}

/**
 * cw_case_get_attention:
 * @today: the day to count from
 * @days: (out): for a deadline or follow-up, the days left; for a quiet
 *   case, the days since its last action
 *
 * What a holder should see about a case at a glance, most pressing first:
 * an urgent action's deadline within two weeks, a follow-up due within two
 * weeks, or an active case where the group has done nothing for three
 * months.
 */
CwAttention
cw_case_get_attention (CwCase      *self,
                       const GDate *today,
                       int         *days)
{
  const char *since;

  g_return_val_if_fail (CW_IS_CASE (self), CW_ATTENTION_NONE);
  g_return_val_if_fail (today != NULL && days != NULL, CW_ATTENTION_NONE);

  if (deadline_is_near (self, today, days))
    return CW_ATTENTION_DEADLINE;

  if (self->status == CW_CASE_STATUS_CLOSED)
    return CW_ATTENTION_NONE;

  if (days_until (self->strings[PROP_NEXT_FOLLOW_UP], today, days) &&
      *days <= CW_CASE_DEADLINE_SOON_DAYS)
    return CW_ATTENTION_FOLLOW_UP;

  since = self->strings[PROP_LAST_ACTION] != NULL ? self->strings[PROP_LAST_ACTION]
                                                  : self->strings[PROP_OPENED];
  if (self->status == CW_CASE_STATUS_ACTIVE && days_since (since, today, days) &&
      *days > CW_CASE_QUIET_DAYS)
    return CW_ATTENTION_QUIET;

  return CW_ATTENTION_NONE;
}
