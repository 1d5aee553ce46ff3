/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-store.h"

G_BEGIN_DECLS

/*
 * The letter templates Casework ships: an appeal, a letter to a diplomatic
 * representative ("copy") and a solidarity message, in English, Spanish,
 * French and Arabic. Each has a fixed id, so the group may edit one and
 * keep its edits: a bundled template is only ever added where it is
 * missing.
 */

GPtrArray        *cw_bundled_templates                        (void);
CwLetterTemplate *cw_bundled_template_lookup                  (const char  *id);

gboolean          cw_store_ensure_bundled_templates           (CwStore     *store,
                                                               GError     **error);
GPtrArray        *cw_store_list_letter_templates_with_bundled (CwStore     *store,
                                                               GError     **error);

G_END_DECLS
