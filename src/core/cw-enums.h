/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The enumerations of the casefile format. Each value's nick is the word
 * the format writes, so a nick can go straight into a document. */

typedef enum {
  CW_CASE_KIND_INDIVIDUAL,
  CW_CASE_KIND_GROUP,
  CW_CASE_KIND_COMMUNITY,
} CwCaseKind;

typedef enum {
  CW_CASE_TYPE_LONG_TERM,
  CW_CASE_TYPE_URGENT_ACTION,
} CwCaseType;

typedef enum {
  CW_CASE_STATUS_ACTIVE,
  CW_CASE_STATUS_PAUSED,
  CW_CASE_STATUS_CLOSED,
} CwCaseStatus;

typedef enum {
  CW_ENTRY_CATEGORY_ACTIVITY,
  CW_ENTRY_CATEGORY_OUTCOME,
  CW_ENTRY_CATEGORY_UPDATE,
} CwEntryCategory;

#define CW_TYPE_CASE_KIND      (cw_case_kind_get_type ())
#define CW_TYPE_CASE_TYPE      (cw_case_type_get_type ())
#define CW_TYPE_CASE_STATUS    (cw_case_status_get_type ())
#define CW_TYPE_ENTRY_CATEGORY (cw_entry_category_get_type ())

GType        cw_case_kind_get_type        (void);
GType        cw_case_type_get_type        (void);
GType        cw_case_status_get_type      (void);
GType        cw_entry_category_get_type   (void);

const char  *cw_enum_to_nick              (GType        enum_type,
                                           int          value);
gboolean     cw_enum_from_nick            (GType        enum_type,
                                           const char  *nick,
                                           int         *value);

const char  *cw_case_type_to_label        (CwCaseType   type);
const char  *cw_case_status_to_label      (CwCaseStatus status);

gboolean     cw_entry_kind_is_valid       (CwEntryCategory category,
                                           const char     *kind);
const char * const *cw_entry_kinds        (CwEntryCategory category);

gboolean     cw_region_is_valid           (const char  *region);
const char * const *cw_regions            (void);
const char  *cw_region_to_label           (const char  *region);

gboolean     cw_closed_outcome_is_valid   (const char  *outcome);
gboolean     cw_person_role_is_valid      (const char  *role);
gboolean     cw_target_role_is_valid      (const char  *role);
gboolean     cw_reference_scheme_is_valid (const char  *scheme);
gboolean     cw_access_is_valid           (const char  *access);
gboolean     cw_public_action_is_valid    (const char  *value);
gboolean     cw_solidarity_is_valid       (const char  *value);

G_END_DECLS
