/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Fills a letter template's placeholders — {case}, {person}, {target},
 * {country}, {date}, {group}, {signatory} — in one pass. A value is copied
 * as it is and never read again, so a case whose title holds "{group}"
 * keeps those very characters. A placeholder with no value is left as
 * written, and a "{" that opens no placeholder is just a brace.
 */
typedef struct _CwTemplateExpander CwTemplateExpander;

CwTemplateExpander *cw_template_expander_new    (void);
void                cw_template_expander_free   (CwTemplateExpander *self);
void                cw_template_expander_set    (CwTemplateExpander *self,
                                                 const char         *name,
                                                 const char         *value);
const char         *cw_template_expander_get    (CwTemplateExpander *self,
                                                 const char         *name);
char               *cw_template_expander_expand (CwTemplateExpander *self,
                                                 const char         *text);

const char * const *cw_template_placeholders    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTemplateExpander, cw_template_expander_free)

G_END_DECLS
