/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-report-pages.h"
#include "cw-report-private.h"

/*
 * Pagination of the report, measured once: each block of the outline
 * becomes a Pango layout, and its lines are given to pages in order. A page
 * breaks between lines of a paragraph, never inside a table row, never
 * right after a heading; a table broken over pages repeats its header row.
 * Sizes are in points and fonts have absolute sizes, so the PDF, the
 * printer and the preview lay out alike.
 */

#define FONT_FAMILY   "Sans"
#define SIZE_BODY     9.5
#define SIZE_TITLE    20.0
#define SIZE_SECTION  14.0
#define SIZE_HEADING  10.5
#define COLUMN_GAP    12.0
#define ROW_GAP       2.0
#define DETAIL_INDENT 14.0

#define COLOR_TEXT    0x1e1e1e
#define COLOR_ACCENT  0x1a5fb4
#define COLOR_MUTED   0x5e5c64
#define COLOR_RULE    0x9a9996

typedef struct {
  GArray *pieces;
  PangoContext *context;
  double left;
  double width;
  double top;
  double bottom;
  double y;
  guint page;
  GHashTable *widths;       /* "bold:text" or "text" → its width, measured once */
  GHashTable *cells;        /* a cell's text → its CellShape, shaped once */
  GHashTable *rows;         /* a table's columns and a row's text → its layout */
  int tab_ascent;           /* of the tab between cells, in Pango units */
  int tab_descent;
  const char *section;      /* the titles the blocks being placed are under */
  const char *heading;
} Pager;

/* A table's header row, repeated on each page the table goes on to under
 * a line that says whose table it is. */
typedef struct {
  PangoLayout *layout;
  double width;
  char *caption;
} TableHead;

static void
piece_clear (gpointer data)
{
  CwReportPiece *piece = data;

  g_clear_object (&piece->layout);
  for (guint i = 0; i < piece->n_cells; i++)
    g_object_unref (piece->cells[i].layout);
  g_clear_pointer (&piece->cells, g_free);
}

/* Layouts */

/**
 * cw_report_print_context:
 *
 * A context of the same fonts as @context, set for print: sizes in points,
 * unhinted metrics, so a layout measures the same on paper and on screen.
 */
PangoContext *
cw_report_print_context (PangoContext *context)
{
  PangoContext *print = pango_font_map_create_context (pango_context_get_font_map (context));
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (print, options);
  pango_cairo_context_set_resolution (print, 72);
  /* Whole points are far too coarse for glyphs on paper: rounded, every
   * letter gets its own nudge, uneven to the eye and one number more per
   * glyph in a PDF. */
  pango_context_set_round_glyph_positions (print, FALSE);
  pango_context_set_language (print, pango_context_get_language (context));
  cairo_font_options_destroy (options);
  return print;
}

PangoLayout *
cw_report_new_layout (PangoContext *context,
                      const char   *text,
                      double        size,
                      PangoWeight   weight,
                      PangoStyle    style,
                      double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static PangoLayout *
body_layout (Pager      *p,
             const char *text,
             double      width)
{
  return cw_report_new_layout (p->context, text, SIZE_BODY, PANGO_WEIGHT_NORMAL,
                               PANGO_STYLE_NORMAL, width);
}

/* "Label: text" or "date  text", the first part in bold. */
static PangoLayout *
labelled_layout (Pager      *p,
                 const char *label,
                 const char *separator,
                 const char *text)
{
  g_autofree char *all = g_strconcat (label, separator, text, NULL);
  PangoLayout *layout = body_layout (p, all, p->width);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = (guint) (strlen (label) + strlen (separator));
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Placing */

static void
new_page (Pager *p)
{
  p->page++;
  p->y = p->top;
}

static gboolean
at_top (Pager *p)
{
  return p->y <= p->top;
}

/* Starts a new page unless @height fits on this one. */
static void
ensure_room (Pager  *p,
             double  height)
{
  if (!at_top (p) && p->y + height > p->bottom)
    new_page (p);
}

static void
skip (Pager  *p,
      double  space)
{
  if (!at_top (p))
    p->y += space;
}

static void
place_rule (Pager   *p,
            double   width,
            double   thickness,
            guint32  color)
{
  CwReportPiece rule = { CW_REPORT_PIECE_RULE, p->page, p->left, p->y, color };

  rule.width = width;
  rule.thickness = thickness;
  g_array_append_val (p->pieces, rule);
}

static guint
start_text (Pager       *p,
            PangoLayout *layout,
            double       x,
            int          first_line,
            guint32      color)
{
  CwReportPiece text = { CW_REPORT_PIECE_TEXT, p->page, p->left + x, p->y, color };

  text.layout = layout != NULL ? g_object_ref (layout) : NULL;
  text.first_line = first_line;
  g_array_append_val (p->pieces, text);
  return p->pieces->len - 1;
}

static void place_head (Pager           *p,
                        const TableHead *head,
                        gboolean         continued);

/* The heights of @layout's lines. */
static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *heights = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      double height;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      height = (double) (y1 - y0) / PANGO_SCALE;
      g_array_append_val (heights, height);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return heights;
}

/* Gives the lines of @layout to pages. With @head, the layout is a row of
 * a table: it stays whole, and a new page starts with the table's header. */
static void
place_lines (Pager           *p,
             PangoLayout     *layout,
             double           x,
             guint32          color,
             const TableHead *head)
{
  g_autoptr(GArray) heights = measure_lines (layout);
  guint open = G_MAXUINT;

  for (guint i = 0; i < heights->len; i++)
    {
      double height = g_array_index (heights, double, i);
      double need = head != NULL && i == 0 ? layout_height (layout) : height;

      if (!at_top (p) && p->y + need > p->bottom)
        {
          new_page (p);
          open = G_MAXUINT;
          if (head != NULL)
            place_head (p, head, TRUE);
        }
      if (open == G_MAXUINT)
        open = start_text (p, layout, x, (int) i, color);
      g_array_index (p->pieces, CwReportPiece, open).n_lines++;
      p->y += height;
    }
}

static void
place_layout (Pager       *p,
              PangoLayout *layout,
              double       x,
              guint32      color)
{
  place_lines (p, layout, x, color, NULL);
  g_object_unref (layout);
}

static void
place_head (Pager           *p,
            const TableHead *head,
            gboolean         continued)
{
  if (continued && head->caption != NULL)
    {
      place_layout (p, cw_report_new_layout (p->context, head->caption, SIZE_BODY,
                                             PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, p->width),
                    0, COLOR_MUTED);
      p->y += 4;
    }
  place_lines (p, head->layout, 0, COLOR_TEXT, NULL);
  p->y += 2;
  place_rule (p, head->width, 0.6, COLOR_RULE);
  p->y += 3;
}

/* Tables: a layout per row, the columns set by tab stops, the last cell
 * wrapping under itself. A layout per row measures far faster than one for
 * the whole table, whose cost grows faster than its rows. */

static double
text_width (Pager      *p,
            const char *text,
            gboolean    bold)
{
  g_autofree char *key = g_strconcat (bold ? "b" : "n", text, NULL);
  gpointer cached = g_hash_table_lookup (p->widths, key);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double *width;

  if (cached != NULL)
    return *(double *) cached;

  layout = cw_report_new_layout (p->context, text, SIZE_BODY,
                                 bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                 PANGO_STYLE_NORMAL, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  width = g_new (double, 1);
  *width = (double) logical.width / PANGO_SCALE;
  g_hash_table_insert (p->widths, g_steal_pointer (&key), width);
  return *width;
}

static double
column_width (Pager               *p,
              const CwReportBlock *table,
              guint                column)
{
  double width = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      if (row[column] != NULL)
        width = MAX (width, text_width (p, row[column], r == 0));
    }
  return width;
}

static char *
row_text (GStrv row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; row[c] != NULL; c++)
    {
      g_autofree char *cell = g_strdelimit (g_strdup (row[c]), "\n\t", ' ');

      g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", cell);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct {
  PangoTabArray *tabs;
  double width;             /* of the whole table */
  double indent;            /* where a wrapped last cell goes on */
  char *key;                /* the above as text, to find rows laid out alike */
} Columns;

/* A cell of body text on one line, shaped once however often it comes:
 * dates, kinds and counts repeat down a table. */
typedef struct {
  PangoLayout *layout;
  int width;                /* Pango units */
  int ascent;
  int descent;
  gboolean simple;          /* one line of left-to-right text */
} CellShape;

static void
cell_shape_free (gpointer data)
{
  CellShape *shape = data;

  g_object_unref (shape->layout);
  g_free (shape);
}

static void
line_metrics (PangoLayoutLine *line,
              int             *width,
              int             *ascent,
              int             *descent)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  *width = logical.width;
  *ascent = -logical.y;
  *descent = logical.y + logical.height;
}

static const CellShape *
cell_shape (Pager      *p,
            const char *text)
{
  CellShape *shape = g_hash_table_lookup (p->cells, text);
  PangoLayoutLine *line;

  if (shape != NULL)
    return shape;

  shape = g_new0 (CellShape, 1);
  shape->layout = body_layout (p, text, -1);
  line = pango_layout_get_line_readonly (shape->layout, 0);
  line_metrics (line, &shape->width, &shape->ascent, &shape->descent);
  /* Right-to-left text could turn the whole row around: such a row is
   * laid out whole. */
  shape->simple = *text != '\0' && strpbrk (text, "\t\n") == NULL
                  && pango_layout_get_line_count (shape->layout) == 1
                  && line->resolved_dir == PANGO_DIRECTION_LTR;
  for (GSList *l = line->runs; l != NULL && shape->simple; l = l->next)
    shape->simple = ((PangoGlyphItem *) l->data)->item->analysis.level == 0;
  g_hash_table_insert (p->cells, g_strdup (text), shape);
  return shape;
}

/* A row of body text that fits on one line, as its cells. */
typedef struct {
  CwReportCell *cells;
  guint n_cells;
  int ascent;
  int descent;
} RowShape;

/* Places @row's cells where the row's layout would put them, or returns
 * FALSE if it might not keep to one plain line, to be laid out whole. */
static gboolean
shape_row (Pager         *p,
           GStrv          row,
           const Columns *columns,
           RowShape      *shape)
{
  guint n = g_strv_length (row);
  int end = 0;

  if (n == 0 || (guint) pango_tab_array_get_size (columns->tabs) + 1 < n)
    return FALSE;

  shape->cells = g_new (CwReportCell, n);
  shape->n_cells = 0;
  shape->ascent = n > 1 ? p->tab_ascent : 0;
  shape->descent = n > 1 ? p->tab_descent : 0;
  for (guint c = 0; c < n; c++)
    {
      const CellShape *cell;
      int x = 0;

      if (row[c][0] == '\0')
        {
          if (n == 1)
            break;
          continue;
        }
      cell = cell_shape (p, row[c]);
      if (!cell->simple)
        break;
      if (c > 0)
        {
          PangoTabAlign align;
          int location;

          pango_tab_array_get_tab (columns->tabs, (int) c - 1, &align, &location);
          if (align == PANGO_TAB_LEFT)
            x = location;
          else if (align == PANGO_TAB_RIGHT)
            x = location - cell->width;
          else
            break;
          /* a cell that ran up to its tab would push the next along */
          if (end + PANGO_SCALE > x)
            break;
        }
      shape->cells[shape->n_cells].layout = g_object_ref (cell->layout);
      shape->cells[shape->n_cells].x = x;
      shape->n_cells++;
      shape->ascent = MAX (shape->ascent, cell->ascent);
      shape->descent = MAX (shape->descent, cell->descent);
      end = x + cell->width;
      if (c + 1 == n && end <= (int) (columns->width * PANGO_SCALE))
        return TRUE;
    }

  for (guint i = 0; i < shape->n_cells; i++)
    g_object_unref (shape->cells[i].layout);
  g_clear_pointer (&shape->cells, g_free);
  return FALSE;
}

/* Places a row shaped by shape_row(), which stays whole: a new page
 * starts with the table's header. */
static void
place_row (Pager           *p,
           RowShape        *row,
           const TableHead *head)
{
  double height = (double) (row->ascent + row->descent) / PANGO_SCALE;
  CwReportPiece *piece;
  guint index;

  if (!at_top (p) && p->y + height > p->bottom)
    {
      new_page (p);
      place_head (p, head, TRUE);
    }
  index = start_text (p, NULL, 0, 0, COLOR_TEXT);
  piece = &g_array_index (p->pieces, CwReportPiece, index);
  piece->n_lines = 1;
  piece->cells = g_steal_pointer (&row->cells);
  piece->n_cells = row->n_cells;
  piece->baseline = row->ascent;
  p->y += height;
}

/* Where each column starts, and the tab stops that put cells there. A last
 * column of text is not measured: it takes what is left of the line. */
static void
set_columns (Pager               *p,
             const CwReportBlock *table,
             Columns             *columns)
{
  guint n = g_strv_length (g_ptr_array_index (table->rows, 0));
  gboolean text_last = !cw_report_block_is_numeric (table, n - 1);
  double x = 0, width = 0;
  GString *key;

  columns->tabs = pango_tab_array_new (MAX ((int) n - 1, 1), FALSE);
  for (guint c = 0; c < n; c++)
    {
      gboolean right = cw_report_block_is_numeric (table, c);

      width = c + 1 < n || !text_last ? column_width (p, table, c) : 0;
      if (c > 0)
        pango_tab_array_set_tab (columns->tabs, (int) c - 1, right ? PANGO_TAB_RIGHT : PANGO_TAB_LEFT,
                                 (int) ((right ? x + width : x) * PANGO_SCALE));
      columns->indent = x;
      x += width + COLUMN_GAP;
    }
  columns->width = text_last ? p->width : MIN (columns->indent + width, p->width);

  key = g_string_new (NULL);
  g_string_append_printf (key, "%d %d", (int) (columns->width * PANGO_SCALE),
                          (int) (-columns->indent * PANGO_SCALE));
  for (int i = 0; i < pango_tab_array_get_size (columns->tabs); i++)
    {
      PangoTabAlign align;
      int location;

      pango_tab_array_get_tab (columns->tabs, i, &align, &location);
      g_string_append_printf (key, " %d:%d", align, location);
    }
  g_string_append_c (key, '\n');
  columns->key = g_string_free (key, FALSE);
}

static PangoLayout *
row_layout (Pager         *p,
            GStrv          row,
            const Columns *columns,
            gboolean       head)
{
  g_autofree char *text = row_text (row);
  PangoLayout *layout = cw_report_new_layout (p->context, text, SIZE_BODY,
                                              head ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                              PANGO_STYLE_NORMAL, columns->width);

  pango_layout_set_tabs (layout, columns->tabs);
  pango_layout_set_indent (layout, (int) (-columns->indent * PANGO_SCALE));
  return layout;
}

/* A body row's layout, shared by the rows of tables with the same columns
 * and the same text: a layout is only read once it is measured. */
static PangoLayout *
body_row_layout (Pager         *p,
                 GStrv          row,
                 const Columns *columns)
{
  g_autofree char *text = row_text (row);
  g_autofree char *key = g_strconcat (columns->key, text, NULL);
  PangoLayout *layout = g_hash_table_lookup (p->rows, key);

  if (layout == NULL)
    {
      layout = row_layout (p, row, columns, FALSE);
      g_hash_table_insert (p->rows, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static void
place_table (Pager               *p,
             const CwReportBlock *table)
{
  Columns columns = { NULL, 0, 0, NULL };
  TableHead head;

  set_columns (p, table, &columns);
  head.layout = row_layout (p, g_ptr_array_index (table->rows, 0), &columns, TRUE);
  head.width = columns.width;
  head.caption = p->section != NULL && p->heading != NULL
                 /* Translators: above a table continued on a new page:
                  * "2. Ana Lucía Romero: All entries in 2025 (continued)" */
                 ? g_strdup_printf (_("%s: %s (continued)"), p->section, p->heading)
                 : NULL;

  for (guint r = 1; r < table->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (table->rows, r);
      RowShape shape = { NULL, 0, 0, 0 };
      PangoLayout *row = NULL;

      if (!shape_row (p, cells, &columns, &shape))
        row = body_row_layout (p, cells, &columns);
      if (r == 1)
        {
          ensure_room (p, layout_height (head.layout) + 5
                          + (row != NULL ? layout_height (row)
                                         : (double) (shape.ascent + shape.descent) / PANGO_SCALE));
          place_head (p, &head, FALSE);
        }
      if (row != NULL)
        {
          place_lines (p, row, 0, COLOR_TEXT, &head);
          g_object_unref (row);
        }
      else
        place_row (p, &shape, &head);
      p->y += ROW_GAP;
    }

  g_object_unref (head.layout);
  g_free (head.caption);
  pango_tab_array_free (columns.tabs);
  g_free (columns.key);
}

/* The other blocks */

static void
place_heading (Pager               *p,
               const CwReportBlock *block,
               gboolean             section)
{
  PangoLayout *layout = cw_report_new_layout (p->context, block->text,
                                              section ? SIZE_SECTION : SIZE_HEADING,
                                              PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, p->width);

  /* A heading keeps a few lines of what it heads on its page. */
  skip (p, section ? 20 : 9);
  ensure_room (p, layout_height (layout) + (section ? 80 : 40));
  if (section)
    {
      place_rule (p, p->width, 1.5, COLOR_ACCENT);
      p->y += 6;
    }
  place_layout (p, layout, 0, section ? COLOR_ACCENT : COLOR_TEXT);
  p->y += section ? 5 : 2;
}

static void
place_item (Pager               *p,
            const CwReportBlock *block)
{
  ensure_room (p, 2 * SIZE_BODY * 1.3);
  place_layout (p, labelled_layout (p, block->label, "   ", block->text), 0, COLOR_TEXT);
  if (block->detail != NULL)
    place_layout (p, body_layout (p, block->detail, p->width - DETAIL_INDENT), DETAIL_INDENT,
                  COLOR_MUTED);
  p->y += 3;
}

static void
place_paragraphs (Pager               *p,
                  const CwReportBlock *block)
{
  g_auto(GStrv) paragraphs = cw_report_split_paragraphs (block->text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      place_layout (p, body_layout (p, paragraphs[i], p->width), 0, COLOR_TEXT);
      p->y += 5;
    }
}

static void
place_block (Pager               *p,
             const CwReportBlock *block)
{
  switch (block->kind)
    {
    case CW_REPORT_BLOCK_TITLE:
      place_layout (p, cw_report_new_layout (p->context, block->text, SIZE_TITLE,
                                             PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, p->width),
                    0, COLOR_TEXT);
      p->y += 8;
      break;
    case CW_REPORT_BLOCK_SECTION:
      p->section = block->text;
      p->heading = NULL;
      place_heading (p, block, TRUE);
      break;
    case CW_REPORT_BLOCK_HEADING:
      p->heading = block->text;
      place_heading (p, block, FALSE);
      break;
    case CW_REPORT_BLOCK_FIELD:
      place_layout (p, labelled_layout (p, block->label, ": ", block->text), 0, COLOR_TEXT);
      p->y += 1.5;
      break;
    case CW_REPORT_BLOCK_ITEM:
      place_item (p, block);
      break;
    case CW_REPORT_BLOCK_PARAGRAPHS:
      place_paragraphs (p, block);
      break;
    case CW_REPORT_BLOCK_NOTE:
      skip (p, 2);
      place_layout (p, cw_report_new_layout (p->context, block->text, SIZE_BODY,
                                             PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, p->width),
                    0, COLOR_MUTED);
      p->y += 3;
      break;
    case CW_REPORT_BLOCK_TABLE:
      skip (p, 4);
      place_table (p, block);
      p->y += 6;
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * cw_report_lay_out:
 * @context: a context from cw_report_print_context()
 * @n_pages: (out): how many pages it takes
 *
 * Returns: (transfer full) (element-type CwReportPiece): what goes on the
 *   pages, page by page
 */
GArray *
cw_report_lay_out (CwReport     *report,
                   PangoContext *context,
                   double        page_width,
                   double        page_height,
                   guint        *n_pages)
{
  Pager p = { NULL, context };

  p.pieces = g_array_new (FALSE, TRUE, sizeof (CwReportPiece));
  g_array_set_clear_func (p.pieces, piece_clear);
  p.left = CW_REPORT_MARGIN_SIDE;
  p.width = MAX (page_width - 2 * CW_REPORT_MARGIN_SIDE, 72);
  p.top = CW_REPORT_BODY_TOP;
  p.bottom = MAX (page_height - CW_REPORT_BODY_BOTTOM, p.top + 72);
  p.y = p.top;
  p.widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p.cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_shape_free);
  p.rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  {
    g_autoptr(PangoLayout) tab = body_layout (&p, "\t", -1);
    int width;

    line_metrics (pango_layout_get_line_readonly (tab, 0), &width, &p.tab_ascent, &p.tab_descent);
  }

  /* part by part, so the text of only one case is held at a time */
  for (guint part = 0; part < cw_report_outline_n_parts (report); part++)
    {
      g_autoptr(GPtrArray) outline = cw_report_outline_part (report, part);

      for (guint i = 0; i < outline->len; i++)
        place_block (&p, g_ptr_array_index (outline, i));
      /* they were the part's */
      p.section = NULL;
      p.heading = NULL;
    }

  g_hash_table_unref (p.widths);
  g_hash_table_unref (p.cells);
  g_hash_table_unref (p.rows);

  *n_pages = p.page + 1;
  return p.pieces;
}
