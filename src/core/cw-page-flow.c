/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-page-flow"

#include "cw-page-flow.h"

typedef enum {
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_BOX,
} ItemKind;

/* One thing on a page: a run of a layout's lines, a rule or a box. */
typedef struct {
  ItemKind kind;
  PangoLayout *layout;
  int first_line;
  int n_lines;
  double x, y;             /* top-left of the run; a rule's or box's start */
  double x1, y1;           /* a rule's end; a box's size */
  double grey;
} Item;

struct _CwPageFlow
{
  double width, height;
  double top, bottom;
  GPtrArray *pages;        /* of GPtrArray of Item; repeated pages share one */
  double y;                /* the cursor on the last page */
};

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_free (item);
}

static GPtrArray *
new_items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
}

CwPageFlow *
cw_page_flow_new (double page_width,
                  double page_height,
                  double top,
                  double bottom)
{
  CwPageFlow *self = g_new0 (CwPageFlow, 1);

  self->width = page_width;
  self->height = page_height;
  self->top = top;
  self->bottom = bottom;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
cw_page_flow_free (CwPageFlow *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_free (self);
}

guint
cw_page_flow_get_n_pages (CwPageFlow *self)
{
  return self->pages->len;
}

/* The page the cursor is on. */
guint
cw_page_flow_get_page (CwPageFlow *self)
{
  g_return_val_if_fail (self->pages->len > 0, 0);
  return self->pages->len - 1;
}

void
cw_page_flow_new_page (CwPageFlow *self)
{
  g_ptr_array_add (self->pages, new_items ());
  self->y = self->top;
}

double
cw_page_flow_get_y (CwPageFlow *self)
{
  return self->y;
}

void
cw_page_flow_set_y (CwPageFlow *self,
                    double      y)
{
  self->y = y;
}

/* Where text must stop on a page. */
double
cw_page_flow_get_bottom (CwPageFlow *self)
{
  return self->height - self->bottom;
}

double
cw_page_flow_get_room (CwPageFlow *self)
{
  return cw_page_flow_get_bottom (self) - self->y;
}

static void
add_item (CwPageFlow *self,
          guint       page,
          Item       *item)
{
  g_assert (page < self->pages->len);
  g_ptr_array_add (g_ptr_array_index (self->pages, page), item);
}

/* Each line's top and bottom, in points from the layout's top. */
static GArray *
line_bounds (PangoLayout *layout)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double edges[2];

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      edges[0] = (double) logical.y / PANGO_SCALE;
      edges[1] = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_vals (bounds, edges, 1);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  return bounds;
}

#define LINE_TOP(b, i) (g_array_index (b, double, 2 * (i)))
#define LINE_BOTTOM(b, i) (g_array_index (b, double, 2 * (i) + 1))

double
cw_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
add_run (CwPageFlow  *self,
         PangoLayout *layout,
         int          first,
         int          n_lines,
         double       x,
         double       y)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_TEXT;
  item->layout = g_object_ref (layout);
  item->first_line = first;
  item->n_lines = n_lines;
  item->x = x;
  item->y = y;
  add_item (self, cw_page_flow_get_page (self), item);
}

/**
 * cw_page_flow_place:
 *
 * Puts the whole of @layout at (@x, @y) on @page, whatever the cursor.
 */
void
cw_page_flow_place (CwPageFlow  *self,
                    guint        page,
                    PangoLayout *layout,
                    double       x,
                    double       y)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_TEXT;
  item->layout = g_object_ref (layout);
  item->first_line = 0;
  item->n_lines = pango_layout_get_line_count (layout);
  item->x = x;
  item->y = y;
  add_item (self, page, item);
}

/* How many lines from @first fit above @bottom when the run starts at @y. */
static int
lines_that_fit (GArray *bounds,
                int     first,
                double  y,
                double  bottom)
{
  int n = 0;

  while (first + n < (int) bounds->len &&
         y + LINE_BOTTOM (bounds, first + n) - LINE_TOP (bounds, first) <= bottom + 0.01)
    n++;
  return n;
}

/* How many of the lines from @first go on this page, or 0 to start the
 * next page first. */
static int
lines_for_page (CwPageFlow *self,
                GArray     *bounds,
                int         first,
                gboolean    keep_together,
                double      room_after)
{
  int total = bounds->len;
  int n = lines_that_fit (bounds, first, self->y, cw_page_flow_get_bottom (self));
  int left_over = total - first - n;
  gboolean fresh = self->y <= self->top + 0.01;

  if (fresh)
    return MAX (n, 1);  /* a line taller than a page still goes somewhere */

  /* The rest fits, but what must follow it does not: take its last two
   * lines over with it, or all of a short rest. */
  if (left_over == 0 && room_after > 0 &&
      self->y + LINE_BOTTOM (bounds, total - 1) - LINE_TOP (bounds, first) + room_after >
      cw_page_flow_get_bottom (self))
    return n >= 4 ? n - 2 : 0;

  /* Neither one line alone at the foot of a page nor at the top of the
   * next: a short paragraph moves over whole. */
  if (left_over > 0 && (keep_together || n < 2 || (left_over == 1 && n < 3)))
    return 0;
  return left_over == 1 ? n - 1 : n;
}

static void
add_lines (CwPageFlow  *self,
           PangoLayout *layout,
           double       x,
           gboolean     keep_together,
           double       room_after)
{
  g_autoptr(GArray) bounds = line_bounds (layout);
  int first = 0, total = bounds->len;

  while (first < total)
    {
      int n = lines_for_page (self, bounds, first, keep_together, room_after);

      if (n == 0)
        {
          cw_page_flow_new_page (self);
          continue;
        }
      add_run (self, layout, first, n, x, self->y);
      self->y += LINE_BOTTOM (bounds, first + n - 1) - LINE_TOP (bounds, first);
      first += n;
      if (first < total)
        cw_page_flow_new_page (self);
    }
}

/**
 * cw_page_flow_add:
 * @keep_together: move the whole layout to the next page rather than
 *   split it
 *
 * Puts @layout at the cursor and moves the cursor below it. What does not
 * fit goes on at the top of the next page, never leaving one line of a
 * paragraph alone at the foot of a page or at the top of the next.
 */
void
cw_page_flow_add (CwPageFlow  *self,
                  PangoLayout *layout,
                  double       x,
                  gboolean     keep_together)
{
  add_lines (self, layout, x, keep_together, 0);
}

/**
 * cw_page_flow_add_before:
 * @room_after: what must follow @layout on the same page, in points
 *
 * Like cw_page_flow_add(), and makes sure that at least the layout's last
 * lines share a page with what follows: a letter's closing never stands
 * alone on a page.
 */
void
cw_page_flow_add_before (CwPageFlow  *self,
                         PangoLayout *layout,
                         double       x,
                         double       room_after)
{
  add_lines (self, layout, x, FALSE, room_after);
}

/**
 * cw_page_flow_add_clipped:
 * @bottom: where the text must stop
 *
 * Puts as many of @layout's lines at the cursor as fit above @bottom.
 *
 * Returns: %TRUE if every line fitted
 */
gboolean
cw_page_flow_add_clipped (CwPageFlow  *self,
                          PangoLayout *layout,
                          double       x,
                          double       bottom)
{
  g_autoptr(GArray) bounds = line_bounds (layout);
  int n = lines_that_fit (bounds, 0, self->y, bottom);

  if (n > 0)
    {
      add_run (self, layout, 0, n, x, self->y);
      self->y += LINE_BOTTOM (bounds, n - 1) - LINE_TOP (bounds, 0);
    }
  return n == (int) bounds->len;
}

void
cw_page_flow_rule (CwPageFlow *self,
                   double      x0,
                   double      x1,
                   double      y,
                   double      grey)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_RULE;
  item->x = x0;
  item->y = y;
  item->x1 = x1;
  item->y1 = y;
  item->grey = grey;
  add_item (self, cw_page_flow_get_page (self), item);
}

void
cw_page_flow_box (CwPageFlow *self,
                  double      x,
                  double      y,
                  double      width,
                  double      height)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_BOX;
  item->x = x;
  item->y = y;
  item->x1 = width;
  item->y1 = height;
  item->grey = 0.6;
  add_item (self, cw_page_flow_get_page (self), item);
}

/**
 * cw_page_flow_repeat_pages:
 *
 * Appends pages @first to @first + @n_pages again: another copy of a
 * letter, sharing its layouts.
 */
void
cw_page_flow_repeat_pages (CwPageFlow *self,
                           guint       first,
                           guint       n_pages)
{
  g_return_if_fail (first + n_pages <= self->pages->len);

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (self->pages, g_ptr_array_ref (g_ptr_array_index (self->pages, first + i)));
  self->y = self->top;
}

static void
draw_run (cairo_t    *cr,
          const Item *item)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  double run_top = 0;
  int index = 0;

  do
    {
      PangoRectangle logical;
      double baseline;

      if (index < item->first_line)
        continue;
      if (index >= item->first_line + item->n_lines)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (index == item->first_line)
        run_top = (double) logical.y / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (cr, item->x + (double) logical.x / PANGO_SCALE,
                     item->y + baseline - run_top);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++index, pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_item (cairo_t    *cr,
           const Item *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_run (cr, item);
      break;
    case ITEM_RULE:
      cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x1, item->y1);
      cairo_stroke (cr);
      break;
    case ITEM_BOX:
      cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, item->x, item->y, item->x1, item->y1);
      cairo_stroke (cr);
      break;
    }
}

void
cw_page_flow_draw_page (CwPageFlow *self,
                        cairo_t    *cr,
                        guint       page)
{
  GPtrArray *items;

  g_return_if_fail (page < self->pages->len);

  items = g_ptr_array_index (self->pages, page);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < items->len; i++)
    draw_item (cr, g_ptr_array_index (items, i));
}

/**
 * cw_page_flow_get_layouts:
 *
 * Returns: (transfer container) (element-type PangoLayout):
 */
GPtrArray *
cw_page_flow_get_layouts (CwPageFlow *self,
                          guint       page)
{
  GPtrArray *layouts = g_ptr_array_new ();
  GPtrArray *items;

  g_return_val_if_fail (page < self->pages->len, layouts);

  items = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];

      if (item->kind == ITEM_TEXT)
        g_ptr_array_add (layouts, item->layout);
    }
  return layouts;
}
