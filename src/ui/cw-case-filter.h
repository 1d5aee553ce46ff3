/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE_FILTER (cw_case_filter_get_type ())

G_DECLARE_FINAL_TYPE (CwCaseFilter, cw_case_filter, CW, CASE_FILTER, GtkFilter)

CwCaseFilter *cw_case_filter_new            (CwStore      *store);

gboolean      cw_case_filter_set_search     (CwCaseFilter *self,
                                             const char   *text,
                                             GError      **error);
const char   *cw_case_filter_get_search     (CwCaseFilter *self);

void          cw_case_filter_set_facet      (CwCaseFilter *self,
                                             const char   *facet,
                                             const char   *word);
const char   *cw_case_filter_get_facet      (CwCaseFilter *self,
                                             const char   *facet);
gboolean      cw_case_filter_has_facets     (CwCaseFilter *self);
gboolean      cw_case_filter_is_active      (CwCaseFilter *self);

G_END_DECLS
