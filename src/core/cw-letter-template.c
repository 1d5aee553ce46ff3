/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-letter-template"

#include "cw-letter-template.h"

G_DEFINE_BOXED_TYPE (CwLetterTemplate, cw_letter_template,
                     cw_letter_template_copy, cw_letter_template_free)

CwLetterTemplate *
cw_letter_template_new (void)
{
  return g_new0 (CwLetterTemplate, 1);
}

CwLetterTemplate *
cw_letter_template_copy (const CwLetterTemplate *self)
{
  CwLetterTemplate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cw_letter_template_new ();
  copy->id = g_strdup (self->id);
  copy->language = g_strdup (self->language);
  copy->role = g_strdup (self->role);
  copy->name = g_strdup (self->name);
  copy->body = g_strdup (self->body);
  copy->closing = g_strdup (self->closing);
  copy->bundled = self->bundled;
  return copy;
}

void
cw_letter_template_free (CwLetterTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->language);
  g_free (self->role);
  g_free (self->name);
  g_free (self->body);
  g_free (self->closing);
  g_free (self);
}
