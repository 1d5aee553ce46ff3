/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A letter body for one language and role, used where a case has no model
 * letter in the target's language. */
typedef struct {
  char *id;          /* UUID */
  char *language;    /* BCP 47 */
  char *role;        /* appeal | copy | solidarity */
  char *name;
  char *body;
  char *closing;     /* "Yours sincerely," */
  gboolean bundled;  /* shipped with Casework rather than written by the group */
} CwLetterTemplate;

#define CW_TYPE_LETTER_TEMPLATE (cw_letter_template_get_type ())

GType             cw_letter_template_get_type (void);
CwLetterTemplate *cw_letter_template_new      (void);
CwLetterTemplate *cw_letter_template_copy     (const CwLetterTemplate *self);
void              cw_letter_template_free     (CwLetterTemplate       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwLetterTemplate, cw_letter_template_free)

G_END_DECLS
