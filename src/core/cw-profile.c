/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-profile"

#include "cw-profile.h"

G_DEFINE_BOXED_TYPE (CwProfile, cw_profile, cw_profile_copy, cw_profile_free)

CwProfile *
cw_profile_new (void)
{
  CwProfile *self = g_new0 (CwProfile, 1);

  self->name = g_strdup ("");
  self->number = g_strdup ("");
  self->address = g_strdup ("");
  self->signatory = g_strdup ("");
  self->paper_size = g_strdup ("a4");
  return self;
}

CwProfile *
cw_profile_copy (const CwProfile *self)
{
  CwProfile *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CwProfile, 1);
  copy->name = g_strdup (self->name);
  copy->number = g_strdup (self->number);
  copy->address = g_strdup (self->address);
  copy->signatory = g_strdup (self->signatory);
  copy->paper_size = g_strdup (self->paper_size);
  return copy;
}

void
cw_profile_free (CwProfile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->number);
  g_free (self->address);
  g_free (self->signatory);
  g_free (self->paper_size);
  g_free (self);
}

gboolean
cw_profile_paper_size_is_valid (const char *paper_size)
{
  return g_strcmp0 (paper_size, "a4") == 0 || g_strcmp0 (paper_size, "letter") == 0;
}
