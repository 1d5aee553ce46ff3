/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The group's own details: they head every letter and report. */
typedef struct {
  char *name;        /* "Amnesty International Group 123" */
  char *number;      /* "123" */
  char *address;     /* address lines, one per line */
  char *signatory;   /* who signs for the group */
  char *paper_size;  /* "a4" or "letter" */
} CwProfile;

#define CW_TYPE_PROFILE (cw_profile_get_type ())

GType      cw_profile_get_type            (void);
CwProfile *cw_profile_new                 (void);
CwProfile *cw_profile_copy                (const CwProfile *self);
void       cw_profile_free                (CwProfile       *self);
gboolean   cw_profile_paper_size_is_valid (const char      *paper_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwProfile, cw_profile_free)

G_END_DECLS
