/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-case.h"
#include "cw-date.h"
#include "cw-letter-template.h"
#include "cw-profile.h"

G_BEGIN_DECLS

/*
 * One letter to one target of a case, ready to lay out: who writes, the
 * date in the letter's language, who it goes to, how it opens, its body
 * and its closing. The body is the case's model letter in the target's
 * language where there is one (appeals only: a model letter is addressed
 * to the authorities), else the group's or a bundled template for that
 * language and role, else English, with a note to the holder saying so.
 */

typedef enum {
  CW_LETTER_ROLE_APPEAL     = 1 << 0,
  CW_LETTER_ROLE_COPY       = 1 << 1,
  CW_LETTER_ROLE_SOLIDARITY = 1 << 2,
} CwLetterRoles;

#define CW_LETTER_ROLES_DEFAULT (CW_LETTER_ROLE_APPEAL | CW_LETTER_ROLE_COPY)
#define CW_LETTER_ROLES_ALL (CW_LETTER_ROLE_APPEAL | CW_LETTER_ROLE_COPY | CW_LETTER_ROLE_SOLIDARITY)

typedef enum {
  CW_LETTER_BODY_MODEL_LETTER,     /* the case's own, inserted as it is */
  CW_LETTER_BODY_TEMPLATE,         /* a template in the target's language */
  CW_LETTER_BODY_ENGLISH_FALLBACK, /* nothing in the target's language */
} CwLetterBodySource;

#define CW_LETTER_ERROR (cw_letter_error_quark ())

typedef enum {
  CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN,  /* the case's safety settings say no */
  CW_LETTER_ERROR_NO_BODY,               /* no model letter or template at all */
} CwLetterError;

typedef struct {
  char *case_id;
  char *case_title;
  char *role;                 /* appeal | copy | solidarity */
  char *language;             /* what it is written in: the target's, or "en" */
  char *target_language;      /* what the target reads */
  GStrv sender;               /* the group's name and address, one line each */
  char *date;                 /* in the letter's language */
  GStrv recipient;            /* the target's address block */
  char *salutation;
  char *body;
  char *closing;
  CwLetterBodySource body_source;
  char *note;                 /* (nullable): for the holder, not part of the letter */
} CwLetter;

#define CW_TYPE_LETTER (cw_letter_get_type ())

GQuark          cw_letter_error_quark       (void);
GType           cw_letter_get_type          (void);
CwLetter       *cw_letter_copy              (const CwLetter    *self);
void            cw_letter_free              (CwLetter          *self);

CwLetter       *cw_letter_new               (CwCase            *kase,
                                             const CwTarget    *target,
                                             const CwProfile   *profile,
                                             GPtrArray         *templates,
                                             const CwDate      *date,
                                             GError           **error);
GPtrArray      *cw_letters_for_case         (CwCase            *kase,
                                             CwLetterRoles      roles,
                                             const CwProfile   *profile,
                                             GPtrArray         *templates,
                                             const CwDate      *date,
                                             GError           **error);

gboolean        cw_letter_solidarity_allowed (CwCase           *kase,
                                              const char      **reason);
gboolean        cw_letter_check_roles       (CwCase            *kase,
                                             CwLetterRoles      roles,
                                             GError           **error);

CwLetterRoles   cw_letter_role_from_string  (const char        *role);
const char     *cw_letter_role_to_string    (CwLetterRoles      role);
const char     *cw_target_get_letter_role   (const CwTarget    *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwLetter, cw_letter_free)

G_END_DECLS
