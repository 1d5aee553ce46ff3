/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>
#include <string.h>

#include "cw-report-document.h"
#include "cw-store-private.h"
#include "report-fixture.h"

/*
 * The yearly report as it leaves Casework: plain text and HTML compared
 * with golden files, the OpenDocument text (the package unpacked, and the
 * flat document) parsed, the PDF read back with
 * pdftotext (poppler-utils), hostile case text kept as text in every
 * format, and the time a large report takes.
 *
 * CASEWORK_UPDATE_GOLDEN=1 rewrites the golden files from the output.
 */

typedef ReportFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  report_fixture_set_up (f, "report-fixture.xml", NULL);
}

static void
hostile_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  report_fixture_set_up (f, "report-hostile.xml", NULL);
  cw_store_save_report_note (f->store, FIXTURE_HOSTILE, 2025,
                             "<img src=x onerror=alert(3)> & \"more\"",
                             "]]></text:p><text:p>injected</text:p>", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  report_fixture_tear_down (f);
}

/* Golden files */

static void
assert_golden (const char *actual,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "report", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("CASEWORK_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (actual, expected) != 0)
    {
      g_autofree char *got = g_build_filename (g_get_tmp_dir (), name, NULL);

      g_file_set_contents (got, actual, -1, NULL);
      g_test_message ("%s differs: the output is in %s", path, got);
    }
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_golden_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *text = report_fixture_write (report, CW_REPORT_FORMAT_TEXT);

  assert_golden (text, "fixture-2025.txt.expected");
}

static void
test_golden_html (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *html = report_fixture_write (report, CW_REPORT_FORMAT_HTML);

  assert_golden (html, "fixture-2025.html.expected");
  /* Screen readers and browsers know the language of its own words. */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n"));
}

/* HTML: only the writer's own elements, case text all escaped */

static const char * const html_elements[] = {
  "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "section", "h1", "h2", "h3",
  "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "span", "div", "p",
  "br", NULL
};

static const char * const html_attributes[] = { "class", "charset", "name", "content", "lang", "dir", NULL };

/* Every tag in @html is one the writer writes, with only the attributes it
 * writes: nothing is loaded from anywhere and nothing runs. */
static void
assert_only_own_elements (const char *html)
{
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *name = p[1] == '/' ? p + 2 : p + 1;
      gsize len = strcspn (name, " >");
      g_autofree char *tag = g_strndup (name, len);
      g_autofree char *rest = g_strndup (name + len, strcspn (name + len, ">"));
      g_auto(GStrv) attributes = NULL;

      if (!g_strv_contains (html_elements, tag))
        g_error ("unexpected element <%s> in the report: %.60s", tag, p);
      if (g_str_equal (tag, "!DOCTYPE"))
        continue;

      attributes = g_regex_split_simple ("\\s+", g_strstrip (rest), 0, 0);
      for (guint i = 0; attributes[i] != NULL; i++)
        {
          g_autofree char *attribute = g_strndup (attributes[i], strcspn (attributes[i], "="));

          if (*attribute != '\0' && !g_strv_contains (html_attributes, attribute))
            g_error ("unexpected attribute %s in <%s>", attribute, tag);
        }
    }
  g_assert_null (strstr (html, "<script"));
}

static void
test_html_escapes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *html = report_fixture_write (report, CW_REPORT_FORMAT_HTML);

  g_assert_cmpuint (report->cases->len, ==, 1);
  assert_only_own_elements (html);
  g_assert_nonnull (strstr (html, "<h2>1. &lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; "
                                  "&quot;Jerry&quot; &apos;Smith&apos;</h2>"));
  g_assert_nonnull (strstr (html, "<dd>&lt;b&gt;REF&lt;/b&gt; &amp;amp;</dd>"));
  g_assert_nonnull (strstr (html, "Example &amp; &lt;Country&gt;"));
  g_assert_nonnull (strstr (html, "&lt;i&gt;Holder&lt;/i&gt;"));
  g_assert_nonnull (strstr (html, "Letters &lt;b&gt;bold&lt;/b&gt; &amp; more ]]&gt; &lt;!-- x --&gt;"));
  g_assert_nonnull (strstr (html, "&lt;/li&gt;&lt;/ul&gt;&lt;script src=&quot;https://example.org/x.js"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(3)&gt; &amp; &quot;more&quot;"));
  g_assert_nonnull (strstr (html, "<title>Yearly activity report 2025 – Amnesty International Group "
                                  "123 – Riverside</title>"));
}

/* Plain text keeps case text as it is: nothing to escape, nothing lost. */
static void
test_text_keeps_text (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *text = report_fixture_write (report, CW_REPORT_FORMAT_TEXT);

  g_autofree char *html = report_fixture_write (report, CW_REPORT_FORMAT_HTML);
  g_autofree char *fodt = report_fixture_write (report, CW_REPORT_FORMAT_FODT);
  const char *reordering[] = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
                               "\u2066", "\u2067", "\u2068", "\u2069" };

  g_assert_nonnull (strstr (text, "1. <script>alert(1)</script> Tom & \"Jerry\" 'Smith'\n"));
  g_assert_nonnull (strstr (text, "Letters <b>bold</b> & more ]]> <!-- x -->"));

  /* Text is shown in the order it was written: no bidi override or
   * isolate makes it read otherwise, in any format. */
  g_assert_nonnull (strstr (text, "Sent to lanoitan and isolated office"));
  for (guint i = 0; i < G_N_ELEMENTS (reordering); i++)
    {
      g_assert_null (strstr (text, reordering[i]));
      g_assert_null (strstr (html, reordering[i]));
      g_assert_null (strstr (fodt, reordering[i]));
    }

  /* A blank line in the notes stays blank: no spaces at a line's end. */
  g_assert_nonnull (strstr (text, "The first paragraph.\n\n"));
  g_assert_null (strstr (text, " \n"));
}

/* OpenDocument text: the package (.odt) and the flat document (.fodt)
 * are read back and checked alike, the package through Python's zipfile
 * module (python3 is there wherever meson is). */

#define MIMETYPE_TEXT "application/vnd.oasis.opendocument.text"

static xmlDocPtr
parse_xml (const char *xml,
           gsize       len,
           const char *name)
{
  xmlDocPtr doc = xmlReadMemory (xml, (int) len, name, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

static xmlDocPtr
parse_odt (const char *odt)
{
  return parse_xml (odt, strlen (odt), "report.fodt");
}

static xmlXPathObjectPtr
odt_query (xmlDocPtr   doc,
           const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "office", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "text", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "table", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "style", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:style:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "fo", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "meta", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:meta:1.0");
  xmlXPathRegisterNs (context, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathRegisterNs (context, BAD_CAST "manifest", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static int
odt_count (xmlDocPtr   doc,
           const char *expression)
{
  xmlXPathObjectPtr result = odt_query (doc, expression);
  int n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

static char *
odt_string (xmlDocPtr   doc,
            const char *expression)
{
  g_autofree char *query = g_strdup_printf ("string(%s)", expression);
  xmlXPathObjectPtr result = odt_query (doc, query);
  char *value = g_strdup ((const char *) result->stringval);

  xmlXPathFreeObject (result);
  return value;
}

/* Lists a ZIP archive's entries in order, one line each: name, method,
 * length of the extra field, size, date; then whether testzip() found
 * every CRC-32 right. Unpacks the archive into a folder. */
static const char unzip_script[] =
  "import sys, zipfile\n"
  "with zipfile.ZipFile(sys.argv[1]) as z:\n"
  "    for i in z.infolist():\n"
  "        print(i.filename, i.compress_type, len(i.extra), i.file_size,\n"
  "              '%04d-%02d-%02dT%02d:%02d:%02d' % i.date_time, sep='\\t')\n"
  "    print('testzip', z.testzip() or 'ok', sep='\\t')\n"
  "    z.extractall(sys.argv[2])\n";

/* The report read back: for a package its parts, each parsed; for the
 * flat document the one document in each place. */
typedef struct {
  GBytes *bytes;        /* the file as written */
  GStrv entries;        /* the package's, as unzip_script lists them */
  xmlDocPtr content;    /* the body */
  xmlDocPtr styles;     /* the page and the named styles */
  xmlDocPtr meta;       /* the title and date */
  xmlDocPtr manifest;   /* the package's only */
} OdtRead;

static void
odt_read_free (OdtRead *r)
{
  g_bytes_unref (r->bytes);
  g_strfreev (r->entries);
  if (r->styles != r->content)
    xmlFreeDoc (r->styles);
  if (r->meta != r->content)
    xmlFreeDoc (r->meta);
  xmlFreeDoc (r->content);
  if (r->manifest != NULL)
    xmlFreeDoc (r->manifest);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OdtRead, odt_read_free)

static GStrv
unzip (const char *path,
       const char *into)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (python == NULL)
    g_error ("python3 is not installed: it reads the OpenDocument package back");
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, python, "-c", unzip_script, path, into, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("Python's zipfile could not read %s: %s", path, err);
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

static xmlDocPtr
parse_part (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *xml = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &xml, &len, NULL))
    g_error ("the package has no %s", name);
  return parse_xml (xml, len, name);
}

/* Writes the report in @format through cw_report_write_to_file(), as the
 * window and the command line do, and reads it back. */
static OdtRead *
read_odt (Fixture        *f,
          CwReport       *report,
          CwReportFormat  format)
{
  const char *name = format == CW_REPORT_FORMAT_ODT ? "report.odt" : "report.fodt";
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *parts = g_build_filename (f->dir, "unpacked", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  OdtRead *r = g_new0 (OdtRead, 1);
  char *bytes = NULL;
  gsize len = 0;

  g_assert_true (format == CW_REPORT_FORMAT_ODT || format == CW_REPORT_FORMAT_FODT);
  g_assert_true (cw_report_write_to_file (report, format, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  r->bytes = g_bytes_new_take (bytes, len);

  if (format == CW_REPORT_FORMAT_FODT)
    {
      r->content = r->styles = r->meta = parse_xml (bytes, len, "report.fodt");
      return r;
    }

  report_fixture_remove_tree (parts);
  r->entries = unzip (path, parts);
  r->content = parse_part (parts, "content.xml");
  r->styles = parse_part (parts, "styles.xml");
  r->meta = parse_part (parts, "meta.xml");
  r->manifest = parse_part (parts, "META-INF/manifest.xml");
  return r;
}

static const char *
format_name (gconstpointer data)
{
  return GPOINTER_TO_INT (data) == CW_REPORT_FORMAT_ODT ? "package" : "flat";
}

/* The flat document: one office:document, its mimetype an attribute. */
static void
test_fodt_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *odt = report_fixture_write (report, CW_REPORT_FORMAT_FODT);
  xmlDocPtr doc = parse_odt (odt);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  g_autofree char *mimetype = NULL;

  g_assert_true (g_str_has_prefix (odt, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "));
  g_assert_cmpstr ((const char *) root->name, ==, "document");
  g_assert_cmpstr ((const char *) root->ns->href, ==, "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
  mimetype = odt_string (doc, "/office:document/@office:mimetype");
  g_assert_cmpstr (mimetype, ==, MIMETYPE_TEXT);
  g_assert_cmpint (odt_count (doc, "/office:document/office:body/office:text"), ==, 1);
  g_assert_cmpint (odt_count (doc, "/office:document/office:master-styles"), ==, 1);
  g_assert_cmpint (odt_count (doc, "/office:document/office:meta/dc:title"), ==, 1);
  g_assert_cmpint (odt_count (doc, "/office:document/office:meta/dc:date[.='2026-01-15T00:00:00']"), ==, 1);
  xmlFreeDoc (doc);
}

/* The package as ODF 1.2 part 3 has it: a ZIP whose first entry is the
 * mimetype, stored, with no extra field, so that its bytes sit at a fixed
 * place for a reader that sniffs them; then the parts, deflated, every
 * one in the manifest; the CRCs right; the same bytes each time. */
static void
test_odt_package (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml", NULL };
  static const char magic[] = "mimetype" MIMETYPE_TEXT;
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(OdtRead) r = read_odt (f, report, CW_REPORT_FORMAT_ODT);
  g_autoptr(GOutputStream) again = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) again_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (r->bytes, &len);
  guint n = g_strv_length (r->entries);
  g_autofree char *unpacked = g_build_filename (f->dir, "unpacked", "mimetype", NULL);
  g_autofree char *mimetype = NULL;
  g_autofree char *root = NULL, *version = NULL;

  /* The local header of the first entry: stored (method 0), no extra
   * field (bytes 28-29), the name and the content at byte 30. */
  g_assert_cmpuint (len, >, 30 + sizeof magic);
  g_assert_cmpmem (bytes, 4, "PK\003\004", 4);
  g_assert_cmpuint (bytes[8] | bytes[9] << 8, ==, 0);
  g_assert_cmpuint (bytes[28] | bytes[29] << 8, ==, 0);
  g_assert_cmpmem (bytes + 30, sizeof magic - 1, magic, sizeof magic - 1);

  /* What Python's zipfile reads: every entry, in order, then testzip(). */
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (r->entries[0], ==, "mimetype\t0\t0\t39\t2026-01-15T00:00:00");
  g_assert_cmpstr (r->entries[n - 1], ==, "testzip\tok");
  for (guint i = 1; i < n - 1; i++)
    {
      g_auto(GStrv) fields = g_strsplit (r->entries[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpstr (fields[1], ==, "8");                       /* deflated */
      g_assert_cmpstr (fields[2], ==, "0");
      g_assert_cmpstr (fields[4], ==, "2026-01-15T00:00:00");     /* the day it was made */
      g_assert_false (g_ptr_array_find_with_equal_func (names, fields[0], g_str_equal, NULL));
      g_ptr_array_add (names, g_strdup (fields[0]));
    }
  g_assert_true (g_file_get_contents (unpacked, &mimetype, NULL, NULL));
  g_assert_cmpstr (mimetype, ==, MIMETYPE_TEXT);

  /* The manifest: the package's type, and every part with its own. */
  g_assert_true (g_ptr_array_find_with_equal_func (names, "META-INF/manifest.xml", g_str_equal, NULL));
  root = odt_string (r->manifest, "/manifest:manifest/manifest:file-entry[@manifest:full-path='/']/@manifest:media-type");
  g_assert_cmpstr (root, ==, MIMETYPE_TEXT);
  version = odt_string (r->manifest, "/manifest:manifest/@manifest:version");
  g_assert_cmpstr (version, ==, "1.2");
  g_assert_cmpuint (names->len, ==, g_strv_length ((GStrv) parts) + 1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *entry = g_strdup_printf ("/manifest:manifest/manifest:file-entry"
                                                "[@manifest:full-path='%s']/@manifest:media-type",
                                                parts[i]);
      g_autofree char *media_type = odt_string (r->manifest, entry);

      g_assert_true (g_ptr_array_find_with_equal_func (names, parts[i], g_str_equal, NULL));
      g_assert_cmpstr (media_type, ==, "text/xml");
    }
  g_assert_cmpint (odt_count (r->manifest, "//manifest:file-entry"), ==, 1 + 3);

  /* Each part is the document it should be, and holds only its share. */
  g_assert_cmpint (odt_count (r->content, "/office:document-content[@office:version='1.2']"), ==, 1);
  g_assert_cmpint (odt_count (r->content, "/office:document-content/office:font-face-decls"), ==, 1);
  g_assert_cmpint (odt_count (r->content, "/office:document-content/office:automatic-styles/style:style[@style:name='Entries']"), ==, 1);
  g_assert_cmpint (odt_count (r->content, "/office:document-content/office:body/office:text"), ==, 1);
  g_assert_cmpint (odt_count (r->content, "//office:master-styles | //office:styles | //office:meta | //style:page-layout"), ==, 0);
  g_assert_cmpint (odt_count (r->styles, "/office:document-styles[@office:version='1.2']"), ==, 1);
  g_assert_cmpint (odt_count (r->styles, "/office:document-styles/office:font-face-decls"), ==, 1);
  g_assert_cmpint (odt_count (r->styles, "/office:document-styles/office:styles/style:style[@style:name='Heading_20_1']"), ==, 1);
  g_assert_cmpint (odt_count (r->styles, "/office:document-styles/office:automatic-styles/style:page-layout"), ==, 1);
  g_assert_cmpint (odt_count (r->styles, "/office:document-styles/office:master-styles/style:master-page"), ==, 1);
  g_assert_cmpint (odt_count (r->styles, "//office:body | //style:style[@style:family='table']"), ==, 0);
  g_assert_cmpint (odt_count (r->meta, "/office:document-meta/office:meta/dc:title[.='Yearly activity report 2025']"), ==, 1);
  g_assert_cmpint (odt_count (r->meta, "/office:document-meta/office:meta/dc:date[.='2026-01-15T00:00:00']"), ==, 1);
  g_assert_cmpint (odt_count (r->meta, "//office:body | //office:styles"), ==, 0);

  /* The same report gives the same bytes. */
  g_assert_true (cw_report_write (report, CW_REPORT_FORMAT_ODT, again, &error));
  g_assert_no_error (error);
  g_output_stream_close (again, NULL, NULL);
  again_bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (again));
  g_assert_true (g_bytes_equal (again_bytes, r->bytes));
}

static void
test_odt_parsed (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(OdtRead) r = read_odt (f, report, GPOINTER_TO_INT (data));
  xmlDocPtr doc = r->content;
  g_autofree char *page_width = NULL;
  g_autofree char *count = NULL;

  g_test_message ("OpenDocument text, %s", format_name (data));

  /* The totals, then each case under a heading of its own. */
  g_assert_cmpint (odt_count (doc, "//office:body/office:text"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//office:text/text:h[@text:outline-level='1']"), ==, 4);
  g_assert_cmpint (odt_count (doc, "//text:h[.='1. Ana Lucía Romero']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:h[.='2. Kofi Mensah Asante']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:h[.='3. Seven students of the Free Press Society']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:p[.='Status at the end of 2025: Closed on 14 June 2025 (released)']"),
                   ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:p[contains(., 'Leyla Demir')]"), ==, 0);
  g_assert_cmpint (odt_count (doc, "//text:p[contains(., 'Interview with the local paper')]"), ==, 0);

  /* The group's words, a paragraph each, line breaks kept. */
  g_assert_cmpint (odt_count (doc, "//text:p[starts-with(., 'A steady year')]"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:p[starts-with(., 'The petition at the spring fair')]/text:line-break"),
                   ==, 1);

  /* Tables with a header row; numbers as numbers; their styles beside
   * them. */
  g_assert_cmpint (odt_count (doc, "//table:table"), ==, 1 + 3 * 2);
  g_assert_cmpint (odt_count (doc, "//table:table/table:table-header-rows/table:table-row"), ==, 7);
  count = odt_string (doc, "(//table:table-cell[@office:value='388'])[1]");
  g_assert_cmpstr (count, ==, "388");
  g_assert_cmpint (odt_count (doc, "//office:automatic-styles/style:style[@style:name='Tally']"), ==, 1);

  /* The page: the group's paper, numbers and the date in the footer. */
  doc = r->styles;
  page_width = odt_string (doc, "//style:page-layout-properties/@fo:page-width");
  g_assert_cmpstr (page_width, ==, "21cm");
  g_assert_cmpint (odt_count (doc, "//office:styles/style:style[@style:name='Heading_20_1']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//style:master-page/style:footer//text:page-number"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//style:master-page/style:footer//text:page-count"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//style:footer/text:p[contains(., 'Made on 15 January 2026')]"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//style:header/text:p[contains(., 'Group 123')]"), ==, 1);

  g_assert_cmpint (odt_count (r->meta, "//office:meta/dc:title[.='Yearly activity report 2025']"), ==, 1);
}

static void
test_odt_letter (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(OdtRead) r = NULL;
  g_autofree char *width = NULL, *height = NULL, *column = NULL;

  report_fixture_set_group (f, "letter");
  report = report_fixture_build (f, 2025, NULL, FALSE);
  r = read_odt (f, report, GPOINTER_TO_INT (data));
  width = odt_string (r->styles, "//style:page-layout-properties/@fo:page-width");
  height = odt_string (r->styles, "//style:page-layout-properties/@fo:page-height");
  g_assert_cmpstr (width, ==, "8.5in");
  g_assert_cmpstr (height, ==, "11in");
  /* The list of entries fills the narrower line of the letter page. */
  column = odt_string (r->content, "//style:style[@style:name='Entries']/style:table-properties/@style:width");
  g_assert_cmpstr (column, ==, "17.59cm");
}

static void
test_odt_escapes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(OdtRead) r = read_odt (f, report, GPOINTER_TO_INT (data));
  xmlDocPtr doc = r->content;

  /* The text comes back exactly, and none of it became an element. */
  g_assert_cmpint (odt_count (doc, "//text:h[.=concat('1. <script>alert(1)</script> Tom & \"Jerry\" ', \"'Smith'\")]"),
                   ==, 1);
  g_assert_cmpint (odt_count (doc, "//table:table-cell[.='Letters <b>bold</b> & more ]]> <!-- x -->']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:p[.=']]></text:p><text:p>injected</text:p>']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:p[.='<img src=x onerror=alert(3)> & \"more\"']"), ==, 1);
  g_assert_cmpint (odt_count (doc, "//text:p[.='injected']"), ==, 0);
  g_assert_cmpint (odt_count (doc, "//*[local-name()='script' or local-name()='b' or local-name()='img']"),
                   ==, 0);
  g_assert_cmpint (odt_count (r->styles, "//*[local-name()='script' or local-name()='b' or local-name()='img']"),
                   ==, 0);
}

/* Spaces and line breaks survive the trip through ODF's white-space rules. */
static void
test_odt_spaces (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwReport) report = NULL;
  g_autoptr(OdtRead) r = NULL;

  cw_store_save_report_note (f->store, FIXTURE_KOFI, 2025, "Two  spaces and\na break", "", &error);
  g_assert_no_error (error);
  report = report_fixture_build (f, 2025, NULL, FALSE);
  r = read_odt (f, report, GPOINTER_TO_INT (data));
  g_assert_cmpint (odt_count (r->content, "//text:p[starts-with(., 'Two ')]/text:s[@text:c='1']"), ==, 1);
  g_assert_cmpint (odt_count (r->content, "//text:p[starts-with(., 'Two')]/text:line-break"), ==, 1);
}

/* PDF */

static char *
write_pdf (Fixture  *f,
           CwReport *report)
{
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_report_write_to_file (report, CW_REPORT_FORMAT_PDF, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The PDF's text, as pdftotext reads it; the test fails if it is missing. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;

  if (program == NULL)
    g_error ("pdftotext is not installed: install poppler-utils (build-aux/test.sh does)");

  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pdf_text (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *pdf = write_pdf (f, report);
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *bytes = NULL;
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n_pages = g_strv_length (pages) - 1;   /* pdftotext ends each page with a form feed */

  g_file_get_contents (pdf, &bytes, NULL, NULL);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_cmpuint (n_pages, >=, 2);

  g_assert_nonnull (strstr (pages[0], "Yearly activity report 2025"));
  g_assert_nonnull (strstr (text, "Ana Lucía Romero"));
  g_assert_nonnull (strstr (text, "Kofi Mensah Asante"));
  g_assert_nonnull (strstr (text, "Seven students of the Free Press Society"));
  g_assert_nonnull (strstr (text, "Closed on 14 June 2025 (released)"));
  g_assert_nonnull (strstr (text, "Petition at the spring fair"));
  g_assert_nonnull (strstr (text, "388"));
  g_assert_nonnull (strstr (text, "A steady year: the group wrote at every monthly meeting."));
  g_assert_null (strstr (text, "Leyla Demir"));
  g_assert_null (strstr (text, "Interview with the local paper"));
  g_assert_null (strstr (text, "Letters at the November meeting"));

  /* Every page has its header and its footer. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], "Amnesty International Group 123 – Riverside"));
      g_assert_nonnull (strstr (pages[i], "Made on 15 January 2026"));
      g_assert_nonnull (strstr (pages[i], footer));
    }
}

static void
test_pdf_escapes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *pdf = write_pdf (f, report);
  g_autofree char *text = pdf_text (pdf);

  /* Drawn as text: Pango is given no markup, so it shows what was written. */
  g_assert_nonnull (strstr (text, "<script>alert(1)</script> Tom & \"Jerry\" 'Smith'"));
  g_assert_nonnull (strstr (text, "Letters <b>bold</b> & more"));
}

static gboolean
page_has_ink (CwDocument *document,
              guint       page,
              double      width,
              double      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  guchar *data;
  int stride;
  guint dark = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cw_document_draw_page (document, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < (int) height; y++)
    for (int x = 0; x < (int) width; x++)
      if (((guint32 *) (data + y * stride))[x] != 0xffffff)
        dark++;
  cairo_surface_destroy (surface);
  return dark > 100;
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReportDocument) document = cw_report_document_new (report);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  double width, height;
  guint a4, letter;

  g_assert_cmpuint (cw_report_document_get_n_pages (document), ==, 0);
  cw_paper_size_points ("a4", &width, &height);
  a4 = cw_document_paginate (CW_DOCUMENT (document), context, width, height);
  g_assert_cmpuint (a4, >=, 2);
  g_assert_cmpuint (cw_report_document_get_n_pages (document), ==, a4);
  for (guint i = 0; i < a4; i++)
    g_assert_true (page_has_ink (CW_DOCUMENT (document), i, width, height));

  cw_paper_size_points ("letter", &width, &height);
  letter = cw_document_paginate (CW_DOCUMENT (document), context, width, height);
  g_assert_cmpuint (letter, >=, 2);
  g_assert_true (page_has_ink (CW_DOCUMENT (document), letter - 1, width, height));
  g_assert_true (cw_report_document_get_report (document) == report);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Whether the file holds @needle; a PDF has NUL bytes, so not strstr(). */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize len = 0, n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf_paper (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autofree char *pdf = NULL;

  report = report_fixture_build (f, 2025, NULL, FALSE);
  pdf = write_pdf (f, report);
  g_assert_true (file_contains (pdf, "/MediaBox [ 0 0 595.28 841.89 ]"));
  /* Viewers show its title in place of the file's name. */
  g_assert_true (file_contains (pdf, "/Title (Yearly activity report 2025)"));
  g_clear_pointer (&report, cw_report_unref);
  g_clear_pointer (&pdf, g_free);

  report_fixture_set_group (f, "letter");
  report = report_fixture_build (f, 2025, NULL, FALSE);
  pdf = write_pdf (f, report);
  g_assert_true (file_contains (pdf, "/MediaBox [ 0 0 612 792 ]"));
  g_assert_false (file_contains (pdf, "/MediaBox [ 0 0 595.28 841.89 ]"));
}

/* Writing into a file that cannot be made leaves nothing behind. */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (cw_report_write_to_file (report, CW_REPORT_FORMAT_TEXT, file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* LibreOffice, where it is installed, opens the package: its PDF has the
 * body from content.xml and the header and footer from styles.xml. */
static void
test_odt_libreoffice (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(CwReport) report = NULL;
  g_autoptr(OdtRead) r = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = NULL, *uri = NULL, *profile_arg = NULL, *odt = NULL, *pdf = NULL;
  g_autofree char *out = NULL, *err = NULL, *text = NULL;

  if (soffice == NULL)
    soffice = g_find_program_in_path ("libreoffice");
  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  report = report_fixture_build (f, 2025, NULL, FALSE);
  r = read_odt (f, report, CW_REPORT_FORMAT_ODT);
  odt = g_build_filename (f->dir, "report.odt", NULL);
  pdf = g_build_filename (f->dir, "report.pdf", NULL);
  /* A profile of its own, so that a LibreOffice already running is left alone. */
  profile = g_build_filename (f->dir, "libreoffice-profile", NULL);
  uri = g_filename_to_uri (profile, NULL, NULL);
  profile_arg = g_strconcat ("-env:UserInstallation=", uri, NULL);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, soffice, profile_arg, "--headless", "--convert-to", "pdf",
                              "--outdir", f->dir, odt, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_file_test (pdf, G_FILE_TEST_EXISTS))
    g_error ("LibreOffice made no PDF of the package: %s%s", out, err);

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Yearly activity report 2025"));
  g_assert_nonnull (strstr (text, "Ana Lucía Romero"));
  g_assert_nonnull (strstr (text, "Closed on 14 June 2025 (released)"));
  g_assert_nonnull (strstr (text, "Amnesty International Group 123 – Riverside"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_nonnull (strstr (text, "Made on 15 January 2026"));
  /* The page of styles.xml: A4, not LibreOffice's own default. */
  g_assert_true (file_contains (pdf, "0 0 595.3"));
}

/* A large report */

static void
fill_large (CwStore *store,
            guint    n_cases,
            guint    n_entries)
{
  static const char * const kinds[] = { "letter", "email", "petition", "stall", "card" };
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (store, &error));
  for (guint c = 0; c < n_cases; c++)
    {
      g_autoptr(CwCase) kase = cw_case_new ();
      g_autofree char *title = g_strdup_printf ("Case number %u of the large report", c + 1);

      cw_case_set_title (kase, title);
      cw_case_set_country_code (kase, "XX");
      cw_case_set_country_name (kase, "Example Republic");
      cw_case_set_opened (kase, "2020-01");
      g_assert_true (cw_store_save_case (store, kase, &error));
      for (guint e = 0; e < n_entries; e++)
        {
          g_autoptr(CwEntry) entry = cw_entry_new ();
          g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", e % 12 + 1, e % 28 + 1);

          cw_entry_set_case_id (entry, cw_case_get_id (kase));
          cw_entry_set_date (entry, date);
          cw_entry_set_kind (entry, kinds[e % G_N_ELEMENTS (kinds)]);
          cw_entry_set_count (entry, e % 3 == 0 ? CW_ENTRY_NO_COUNT : (gint64) e);
          cw_entry_set_title (entry, e % 10 == 0 ? "Letters at the monthly meeting, with a long "
                                                   "title that wraps onto a second line of the table"
                                                 : "Letters at the monthly meeting");
          g_assert_true (cw_store_save_entry (store, entry, &error));
        }
    }
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Where the PDF's time goes, done as cw_document_write_pdf() does it. */
static void
large_pdf_breakdown (CwReport *report)
{
  g_autoptr(CwReportDocument) document = cw_report_document_new (report);
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  double width, height, paginate, draw, finish;
  gint64 start;
  guint n_pages;

  cw_paper_size_points (report->profile->paper_size, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (discard_cb, NULL, width, height);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);

  start = g_get_monotonic_time ();
  n_pages = cw_document_paginate (CW_DOCUMENT (document), context, width, height);
  paginate = seconds_since (start);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      cw_document_draw_page (CW_DOCUMENT (document), cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  draw = seconds_since (start);

  start = g_get_monotonic_time ();
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  finish = seconds_since (start);

  g_test_message ("PDF of %u pages: paginate %.3f s, draw and write %.3f s, finish %.3f s", n_pages,
                  paginate, draw, finish);
}

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double fill, build, text, html, odt, fodt, pdf;

  /* casework-bench measures 1,000 cases; here a fifth of that shows the
   * whole path works at scale without slowing the suite (and its
   * sanitizer and valgrind runs) down. */
  fill_large (f->store, 200, 100);
  fill = seconds_since (start);

  start = g_get_monotonic_time ();
  report = cw_report_build (f->store, 2025, NULL, FALSE, &error);
  g_assert_no_error (error);
  build = seconds_since (start);
  g_assert_cmpuint (report->cases->len, ==, 200 + 3);

  start = g_get_monotonic_time ();
  g_free (report_fixture_write (report, CW_REPORT_FORMAT_TEXT));
  text = seconds_since (start);
  start = g_get_monotonic_time ();
  g_free (report_fixture_write (report, CW_REPORT_FORMAT_HTML));
  html = seconds_since (start);
  start = g_get_monotonic_time ();
  g_free (report_fixture_write (report, CW_REPORT_FORMAT_ODT));
  odt = seconds_since (start);
  start = g_get_monotonic_time ();
  g_free (report_fixture_write (report, CW_REPORT_FORMAT_FODT));
  fodt = seconds_since (start);

  out = g_memory_output_stream_new_resizable ();
  start = g_get_monotonic_time ();
  g_assert_true (cw_report_write_pdf (report, out, &error));
  g_assert_no_error (error);
  pdf = seconds_since (start);

  g_test_message ("200 cases × 100 entries (stored in %.1f s): build %.3f s, text %.3f s, "
                  "HTML %.3f s, ODT %.3f s, FODT %.3f s, PDF %.3f s (%" G_GSIZE_FORMAT " bytes)",
                  fill, build, text, html, odt, fodt, pdf,
                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  large_pdf_breakdown (report);
}

static const struct {
  const char *name;
  CwReportFormat format;
} odt_formats[] = {
  { "odt", CW_REPORT_FORMAT_ODT },
  { "fodt", CW_REPORT_FORMAT_FODT },
};

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, setup, func) \
  g_test_add ("/report/" path, Fixture, NULL, setup, func, fixture_teardown)
#define ADD_ODT(name, test, format, setup, func) G_STMT_START { \
    g_autofree char *path = g_strdup_printf ("/report/%s/%s", name, test); \
    g_test_add (path, Fixture, format, setup, func, fixture_teardown); \
  } G_STMT_END

  ADD ("text/golden", fixture_setup, test_golden_text);
  ADD ("text/keeps-text", hostile_setup, test_text_keeps_text);
  ADD ("html/golden", fixture_setup, test_golden_html);
  ADD ("html/escapes", hostile_setup, test_html_escapes);
  ADD ("odt/package", fixture_setup, test_odt_package);
  ADD ("odt/libreoffice", fixture_setup, test_odt_libreoffice);
  ADD ("fodt/document", fixture_setup, test_fodt_document);
  /* The same checks on the package's parts and on the flat document. */
  for (guint i = 0; i < G_N_ELEMENTS (odt_formats); i++)
    {
      gconstpointer format = GINT_TO_POINTER (odt_formats[i].format);

      ADD_ODT (odt_formats[i].name, "parsed", format, fixture_setup, test_odt_parsed);
      ADD_ODT (odt_formats[i].name, "letter", format, fixture_setup, test_odt_letter);
      ADD_ODT (odt_formats[i].name, "escapes", format, hostile_setup, test_odt_escapes);
      ADD_ODT (odt_formats[i].name, "spaces", format, fixture_setup, test_odt_spaces);
    }
  ADD ("pdf/text", fixture_setup, test_pdf_text);
  ADD ("pdf/escapes", hostile_setup, test_pdf_escapes);
  ADD ("pdf/paper", fixture_setup, test_pdf_paper);
  ADD ("pages", fixture_setup, test_pages);
  ADD ("write-fails", fixture_setup, test_write_fails);
  ADD ("large", fixture_setup, test_large);

  return g_test_run ();
}
