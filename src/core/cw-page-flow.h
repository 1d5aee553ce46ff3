/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/*
 * Pages laid out ahead of drawing: Pango layouts measured and placed at
 * paginate time, each page a list of what goes where, drawn later as it
 * is. Text flows down from a cursor; a layout too long for what is left of
 * a page goes on, line by line, at the top of the next.
 *
 * Positions are in points from the page's top-left corner.
 */
typedef struct _CwPageFlow CwPageFlow;

CwPageFlow *cw_page_flow_new          (double       page_width,
                                       double       page_height,
                                       double       top,
                                       double       bottom);
void        cw_page_flow_free         (CwPageFlow  *self);

guint       cw_page_flow_get_n_pages  (CwPageFlow  *self);
guint       cw_page_flow_get_page     (CwPageFlow  *self);
void        cw_page_flow_new_page     (CwPageFlow  *self);
double      cw_page_flow_get_y        (CwPageFlow  *self);
void        cw_page_flow_set_y        (CwPageFlow  *self,
                                       double       y);
double      cw_page_flow_get_bottom   (CwPageFlow  *self);
double      cw_page_flow_get_room     (CwPageFlow  *self);

double      cw_layout_height          (PangoLayout *layout);

void        cw_page_flow_place        (CwPageFlow  *self,
                                       guint        page,
                                       PangoLayout *layout,
                                       double       x,
                                       double       y);
void        cw_page_flow_add          (CwPageFlow  *self,
                                       PangoLayout *layout,
                                       double       x,
                                       gboolean     keep_together);
void        cw_page_flow_add_before   (CwPageFlow  *self,
                                       PangoLayout *layout,
                                       double       x,
                                       double       room_after);
gboolean    cw_page_flow_add_clipped  (CwPageFlow  *self,
                                       PangoLayout *layout,
                                       double       x,
                                       double       bottom);
void        cw_page_flow_rule         (CwPageFlow  *self,
                                       double       x0,
                                       double       x1,
                                       double       y,
                                       double       grey);
void        cw_page_flow_box          (CwPageFlow  *self,
                                       double       x,
                                       double       y,
                                       double       width,
                                       double       height);
void        cw_page_flow_repeat_pages (CwPageFlow  *self,
                                       guint        first,
                                       guint        n_pages);

void        cw_page_flow_draw_page    (CwPageFlow  *self,
                                       cairo_t     *cr,
                                       guint        page);

/* For tests: the layouts on a page, in the order they were placed. */
GPtrArray  *cw_page_flow_get_layouts  (CwPageFlow  *self,
                                       guint        page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwPageFlow, cw_page_flow_free)

G_END_DECLS
