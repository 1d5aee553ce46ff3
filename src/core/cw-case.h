/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cw-case-parts.h"
#include "cw-enums.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE (cw_case_get_type ())

G_DECLARE_FINAL_TYPE (CwCase, cw_case, CW, CASE, GObject)

CwCase       *cw_case_new                 (void);

const char   *cw_case_get_id              (CwCase       *self);
void          cw_case_set_id              (CwCase       *self,
                                           const char   *id);
CwCaseKind    cw_case_get_kind            (CwCase       *self);
void          cw_case_set_kind            (CwCase       *self,
                                           CwCaseKind    kind);
CwCaseType    cw_case_get_case_type       (CwCase       *self);
void          cw_case_set_case_type       (CwCase       *self,
                                           CwCaseType    type);
CwCaseStatus  cw_case_get_status          (CwCase       *self);
void          cw_case_set_status          (CwCase       *self,
                                           CwCaseStatus  status);
const char   *cw_case_get_title           (CwCase       *self);
void          cw_case_set_title           (CwCase       *self,
                                           const char   *title);
const char   *cw_case_get_country_code    (CwCase       *self);
void          cw_case_set_country_code    (CwCase       *self,
                                           const char   *code);
const char   *cw_case_get_country_name    (CwCase       *self);
void          cw_case_set_country_name    (CwCase       *self,
                                           const char   *name);
const char   *cw_case_get_region          (CwCase       *self);
void          cw_case_set_region          (CwCase       *self,
                                           const char   *region);
const char   *cw_case_get_opened          (CwCase       *self);
void          cw_case_set_opened          (CwCase       *self,
                                           const char   *date);
const char   *cw_case_get_closed          (CwCase       *self);
void          cw_case_set_closed          (CwCase       *self,
                                           const char   *date);
const char   *cw_case_get_closed_outcome  (CwCase       *self);
void          cw_case_set_closed_outcome  (CwCase       *self,
                                           const char   *outcome);
const char   *cw_case_get_ua_number       (CwCase       *self);
void          cw_case_set_ua_number       (CwCase       *self,
                                           const char   *number);
const char   *cw_case_get_ua_issued       (CwCase       *self);
void          cw_case_set_ua_issued       (CwCase       *self,
                                           const char   *date);
const char   *cw_case_get_ua_deadline     (CwCase       *self);
void          cw_case_set_ua_deadline     (CwCase       *self,
                                           const char   *date);
guint         cw_case_get_ua_sequence     (CwCase       *self);
void          cw_case_set_ua_sequence     (CwCase       *self,
                                           guint         sequence);
const char   *cw_case_get_summary         (CwCase       *self);
void          cw_case_set_summary         (CwCase       *self,
                                           const char   *summary);
const char   *cw_case_get_background      (CwCase       *self);
void          cw_case_set_background      (CwCase       *self,
                                           const char   *background);
const char   *cw_case_get_public_action   (CwCase       *self);
void          cw_case_set_public_action   (CwCase       *self,
                                           const char   *value);
const char   *cw_case_get_solidarity      (CwCase       *self);
void          cw_case_set_solidarity      (CwCase       *self,
                                           const char   *value);
const char   *cw_case_get_modified        (CwCase       *self);
void          cw_case_set_modified        (CwCase       *self,
                                           const char   *timestamp);
const char   *cw_case_get_updated         (CwCase       *self);
void          cw_case_set_updated         (CwCase       *self,
                                           const char   *timestamp);
const char   *cw_case_get_last_action     (CwCase       *self);
void          cw_case_set_last_action     (CwCase       *self,
                                           const char   *date);
const char   *cw_case_get_next_follow_up  (CwCase       *self);
void          cw_case_set_next_follow_up  (CwCase       *self,
                                           const char   *date);
const char   *cw_case_get_last_activity   (CwCase       *self);
void          cw_case_set_last_activity   (CwCase       *self,
                                           const char   *date);

/* The parts below are loaded with the case's details (see
 * cw_store_load_case()); a case from the case list carries none. */
gint64        cw_case_get_row             (CwCase       *self);
void          cw_case_set_row             (CwCase       *self,
                                           gint64        row);
gboolean      cw_case_get_has_details     (CwCase       *self);
void          cw_case_set_has_details     (CwCase       *self,
                                           gboolean      has_details);

GPtrArray    *cw_case_get_references      (CwCase       *self);
GPtrArray    *cw_case_get_themes          (CwCase       *self);
GPtrArray    *cw_case_get_people          (CwCase       *self);
CwDetention  *cw_case_get_detention       (CwCase       *self);
void          cw_case_set_detention       (CwCase       *self,
                                           CwDetention  *detention);
GPtrArray    *cw_case_get_safety_notes    (CwCase       *self);
CwContact    *cw_case_get_coordinator     (CwCase       *self);
void          cw_case_set_coordinator     (CwCase       *self,
                                           CwContact    *coordinator);
GPtrArray    *cw_case_get_holders         (CwCase       *self);
GPtrArray    *cw_case_get_targets         (CwCase       *self);
GPtrArray    *cw_case_get_recommended_actions (CwCase   *self);
GPtrArray    *cw_case_get_model_letters   (CwCase       *self);

void          cw_case_update_summary_from (CwCase       *self,
                                           CwCase       *other);

/* How many days an open urgent action has left before its deadline. */
#define CW_CASE_DEADLINE_SOON_DAYS 14
gboolean      cw_case_get_days_to_deadline (CwCase      *self,
                                            const GDate *today,
                                            int         *days);
/* What needs attention, for the case list. */
typedef enum {
  CW_ATTENTION_NONE,
  CW_ATTENTION_DEADLINE,    /* an urgent action due within two weeks */
  CW_ATTENTION_FOLLOW_UP,   /* a follow-up due within two weeks, or overdue */
  CW_ATTENTION_QUIET,       /* active, and nothing done for three months */
} CwAttention;

#define CW_CASE_QUIET_DAYS 91

CwAttention   cw_case_get_attention       (CwCase       *self,
                                           const GDate  *today,
                                           int          *days);
int           cw_case_compare_for_list    (CwCase       *a,
                                           CwCase       *b,
                                           const GDate  *today);

G_END_DECLS
