/*
** svg.c: the shared responsibility model as a picture, from SQL.
**
**   srm_svg(x [, variant])                     an SVG document: the stack of
**                                              the service x resolves to
**   srm_svg_compare(x, variant_a, variant_b)   two variants side by side,
**                                              the controls that change marked
**   srm_html(value)                            value as text for HTML or XML
**
**     SELECT srm_svg('AWS::Lambda::Function', 'container_image');
**     SELECT srm_svg_compare('ecs', 'ec2', 'fargate');
**     SELECT '<td>' || srm_html(name) || '</td>' FROM inventory;
**
** The stack is srm's controls, bottom (physical security) to top (the
** composites), one band each, filled by owner in the Okabe-Ito palette,
** which colour-blind readers tell apart: aws #0072B2 (blue), customer
** #E69F00 (orange), shared #009E73 (bluish green), not_applicable light
** grey with a dashed border.  The owner is also written in each band and
** the legend names each colour, so that the picture reads in grey print.
** Each band is a <g data-control="C" data-owner="O"> whose <title> (a
** browser shows it on hover) holds the cell's duties, its AWS page, the
** day that page was read and its basis, or for a composite its parts.  The
** document's own <title> and heading name the service, the variant whose
** cells it shows and srm's version.  In a comparison, each cell is a
** <g data-control data-side="a|b" data-variant data-owner>, and a control
** whose owner differs has data-changed="1" on both cells, a thick black
** border and a "≠" between them.  What srm writes is ASCII: "·" and "≠"
** as character references.
**
** The output is UTF-8 XML, deterministic (nothing in it but the model and
** the version), with a fixed viewBox and no width or height, so that it
** scales to its container; no ids, no style sheet and no script, so that
** any number of pictures can be put inline in one HTML page.  Every text
** of the model in it goes through srmXmlText(), but for the ids of
** services, variants and controls, which the build allows to hold only
** a-z, 0-9, '_' and '-' (ext/model.sql).
**
** x and the variants are read as responsibility() reads them
** (srmTargetArgs(), func.c).  A NULL x gives NULL, a NULL variant means x's
** own, else the service's default.  Errors:
**
**   unknown service 'X' (SELECT service FROM srm_services)
**   unknown variant 'X' of service 'S' (SELECT variant FROM srm_variants WHERE service = 'S')
**
** (A picture is asked for by name, so an unknown x is an error here,
** where responsibility() gives NULL for rows of an inventory.)
**
** srm_html(value) escapes & < > " ' as &amp; &lt; &gt; &quot; &#39;, and
** writes a control character other than tab, line feed and carriage return
** as U+FFFD (XML allows none of them); any SQL type is read as text, NULL
** gives NULL; a result longer than SQLITE_LIMIT_LENGTH is the error
** "string or blob too big".  It is what sql/report_html.sql prints every
** value through.
**
** All three are deterministic and innocuous.
*/
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
#include "srm.h"

#ifndef SRM_VERSION
# define SRM_VERSION "unknown"
#endif

/* The geometry, in viewBox units. */
#define SVG_W        720      /* width */
#define SVG_HEAD     112      /* the heading and legend above the stack */
#define SVG_PITCH    22       /* one band and the gap above it */
#define SVG_BAND     20       /* a band's height */
#define SVG_FOOT     28       /* the note below the stack */

/* How each owner is drawn: fill, the text's fill attribute (none: black)
** and, for not_applicable, a dashed border.  third_party never appears in
** the model. */
static const struct {
  const char *zFill, *zInk, *zEdge;
} srmSvgOwner[SRM_OWNER_N] = {
  { 0, 0, 0 },
  { "#0072B2", " fill=\"#FFFFFF\"", "" },
  { "#E69F00", "", "" },
  { "#009E73", "", "" },
  { "#F2F2F2", "", " stroke=\"#707070\" stroke-dasharray=\"4 3\"" },
  { 0, 0, 0 },
};

/* z[0..n) as XML text or attribute value (see srm_html() above). */
static void srmXmlText(sqlite3_str *p, const char *z, size_t n){
  size_t i, iStart = 0;
  for(i=0; i<n; i++){
    const char *zRep;
    switch( z[i] ){
      case '&':  zRep = "&amp;";   break;
      case '<':  zRep = "&lt;";    break;
      case '>':  zRep = "&gt;";    break;
      case '"':  zRep = "&quot;";  break;
      case '\'': zRep = "&#39;";   break;
      case '\t': case '\n': case '\r':  continue;
      default:
        if( (unsigned char)z[i]>=0x20 ) continue;
        zRep = "\xEF\xBF\xBD";     /* U+FFFD */
        break;
    }
    sqlite3_str_append(p, z + iStart, (int)(i - iStart));
    sqlite3_str_appendall(p, zRep);
    iStart = i + 1;
  }
  sqlite3_str_append(p, z + iStart, (int)(n - iStart));
}
static void srmXml(sqlite3_str *p, const char *z){
  srmXmlText(p, z, strlen(z));
}

/* The result: p's text; or the error "string or blob too big" when it
** would be longer than SQLITE_LIMIT_LENGTH (srm_html() of a long value);
** or out of memory. */
static void srmSvgResult(sqlite3_context *ctx, sqlite3_str *p){
  int rc = sqlite3_str_errcode(p);
  int n = sqlite3_str_length(p);
  char *z = sqlite3_str_finish(p);
  if( rc!=SQLITE_OK || NEVER(z==0) ){       /* z is NULL only when empty */
    sqlite3_free(z);
    if( rc==SQLITE_TOOBIG ){
      sqlite3_result_error_toobig(ctx);
    }else{
      sqlite3_result_error_nomem(ctx);
    }
    return;
  }
  sqlite3_result_text(ctx, z, n, sqlite3_free);
}

/* What one picture shows: a slot of a service, or two of one service. */
typedef struct SrmSvgView SrmSvgView;
struct SrmSvgView {
  SrmTarget a, b;               /* the target, and the second of a comparison */
  int iSlotA, iSlotB;           /* their matrix slots */
  int bCompare;                 /* srm_svg_compare() */
  int nChanged;                 /* controls whose owner differs */
};

/* The variant whose cells slot iSlot holds, for a heading: "variant ID",
** with " (the default)" when nobody named it, or "no variants". */
static void srmSvgVariant(sqlite3_str *p, const SrmTarget *t, int iSlot){
  const char *zV = srmVariantOfSlot(t->iService, iSlot);
  if( zV==0 ){
    sqlite3_str_appendall(p, "no variants");
    return;
  }
  sqlite3_str_appendall(p, "variant ");
  srmXml(p, zV);
  if( t->iVariant==0 ) sqlite3_str_appendall(p, " (the default)");
}

/* What the picture shows, after the service's name. */
static void srmSvgSubtitle(sqlite3_str *p, const SrmSvgView *v){
  srmSvgVariant(p, &v->a, v->iSlotA);
  if( v->bCompare ){
    sqlite3_str_appendall(p, " (left) against ");
    srmSvgVariant(p, &v->b, v->iSlotB);
    sqlite3_str_appendf(p, " (right): %d of %d controls change owner",
                        v->nChanged, SRM_NCONTROL);
  }
}

/* A variant for a data attribute: its id, or "" for none. */
static const char *srmSvgVariantAttr(const SrmTarget *t, int iSlot){
  const char *zV = srmVariantOfSlot(t->iService, iSlot);
  return zV ? zV : "";
}

/*
** The document's start: the root element of height h with its data
** attributes, its <title>, the heading (the service's name, what is shown
** and srm's version) and the legend.
*/
static void srmSvgOpen(sqlite3_str *p, int h, const SrmSvgView *v){
  const SrmService *pS = &srmService[v->a.iService];
  int e;
  sqlite3_str_appendf(p,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
      " font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"12\""
      " data-srm-version=\"%s\" data-service=\"%s\"",
      SVG_W, h, SRM_VERSION, SRM_STR(pS->zId));
  if( v->bCompare ){
    sqlite3_str_appendf(p, " data-variant-a=\"%s\" data-variant-b=\"%s\" data-changed=\"%d\"",
                        srmSvgVariantAttr(&v->a, v->iSlotA),
                        srmSvgVariantAttr(&v->b, v->iSlotB), v->nChanged);
  }else{
    sqlite3_str_appendf(p, " data-variant=\"%s\"", srmSvgVariantAttr(&v->a, v->iSlotA));
  }
  sqlite3_str_appendall(p, ">\n<title>");
  srmXml(p, SRM_STR(pS->zName));
  sqlite3_str_appendall(p, ", ");
  srmSvgSubtitle(p, v);
  sqlite3_str_appendall(p, " (srm " SRM_VERSION ")</title>\n");
  sqlite3_str_appendf(p, "<rect width=\"%d\" height=\"%d\" fill=\"#FFFFFF\"/>\n", SVG_W, h);
  sqlite3_str_appendall(p, "<text x=\"16\" y=\"30\" font-size=\"20\" font-weight=\"bold\">");
  srmXml(p, SRM_STR(pS->zName));
  sqlite3_str_appendall(p, "</text>\n<text x=\"16\" y=\"52\" fill=\"#333333\">");
  srmXml(p, SRM_STR(pS->zId));
  sqlite3_str_appendall(p, ", ");
  srmSvgSubtitle(p, v);
  sqlite3_str_appendall(p, " &#183; srm " SRM_VERSION "</text>\n<g data-legend=\"owner\">");
  for(e=SRM_OWNER_AWS; e<=SRM_OWNER_NA; e++){
    int x = 16 + (e - 1)*150;
    sqlite3_str_appendf(p,
        "<g data-legend-owner=\"%s\"><rect x=\"%d\" y=\"68\" width=\"16\" height=\"16\""
        " fill=\"%s\"%s/><text x=\"%d\" y=\"81\">%s</text></g>",
        srmOwnerName(e), x, srmSvgOwner[e].zFill, srmSvgOwner[e].zEdge, x + 22,
        srmOwnerName(e));
  }
  if( v->bCompare ){
    sqlite3_str_appendf(p,
        "<g data-legend-changed=\"1\"><rect x=\"%d\" y=\"68\" width=\"16\" height=\"16\""
        " fill=\"#FFFFFF\" stroke=\"#000000\" stroke-width=\"3\"/>"
        "<text x=\"%d\" y=\"81\">&#8800; changed</text></g>", 16 + 4*150, 16 + 4*150 + 22);
  }
  sqlite3_str_appendall(p, "</g>\n");
}

/* The end: a note on what the picture holds, below the stack at y. */
static void srmSvgClose(sqlite3_str *p, int y){
  sqlite3_str_appendf(p,
      "<text x=\"16\" y=\"%d\" font-size=\"11\" fill=\"#333333\">Bottom to top: srm_controls"
      " by position. Hover a band for the duties and the AWS page behind them.</text>\n"
      "</svg>\n", y);
}

/* The <title> of the cell of control iControl in slot iSlot: what a
** browser shows on hover. */
static void srmSvgCellTitle(sqlite3_str *p, int iSlot, int iControl){
  const SrmControl *pC = &srmControl[iControl];
  const SrmCell *pCell = srmCellAt(iSlot, iControl);
  sqlite3_str_appendall(p, "<title>");
  srmXml(p, SRM_STR(pC->zTitle));
  sqlite3_str_appendf(p, ": %s", srmOwnerName(pCell->eOwner));
  if( pC->nPart ){
    int i;
    sqlite3_str_appendall(p, ", from its parts:");
    for(i=0; i<pC->nPart; i++){
      int k = pC->aPart[i];
      sqlite3_str_appendall(p, "\n");
      srmXml(p, SRM_STR(srmControl[k].zTitle));
      sqlite3_str_appendf(p, ": %s", srmOwnerName(srmCellAt(iSlot, k)->eOwner));
    }
  }else{
    const SrmText *pT = &srmText[pCell->iText];
    sqlite3_str_appendall(p, "\nAWS: ");
    srmXml(p, SRM_STR(pT->zAwsDuty));
    sqlite3_str_appendall(p, "\nCustomer: ");
    srmXml(p, SRM_STR(pT->zCustomerDuty));
    sqlite3_str_appendall(p, "\nSource: ");
    srmXml(p, SRM_STR(pT->zSource));
    if( SRM_STR(pT->zReadOn)[0] ){
      sqlite3_str_appendall(p, ", read on ");
      srmXml(p, SRM_STR(pT->zReadOn));
    }
    sqlite3_str_appendf(p, " (%s)", srmBasisName(pCell->eBasis));
  }
  sqlite3_str_appendall(p, "</title>");
}

/* The y of the band of control i: position order, the first at the bottom. */
static int srmSvgY(int iControl){
  return SVG_HEAD + (SRM_NCONTROL - 1 - iControl)*SVG_PITCH;
}

/* The layer names at the left of the stack, one for each run of controls
** of one layer, and a bar beside the run.  x: the right edge of the names. */
static void srmSvgLayers(sqlite3_str *p, int x){
  int i, iFirst = 0;
  for(i=1; i<=SRM_NCONTROL; i++){
    const char *zLayer = SRM_STR(srmControl[iFirst].zLayer);
    if( i<SRM_NCONTROL && strcmp(SRM_STR(srmControl[i].zLayer), zLayer)==0 ) continue;
    {
      int yTop = srmSvgY(i - 1), yBottom = srmSvgY(iFirst) + SVG_BAND;
      sqlite3_str_appendall(p, "<text data-layer=\"");
      srmXml(p, zLayer);
      sqlite3_str_appendf(p, "\" x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\""
                          " fill=\"#333333\">", x, (yTop + yBottom)/2 + 4);
      srmXml(p, zLayer);
      sqlite3_str_appendf(p, "</text><rect x=\"%d\" y=\"%d\" width=\"3\" height=\"%d\""
                          " fill=\"#999999\"/>\n", x + 4, yTop, yBottom - yTop);
    }
    iFirst = i;
  }
}

/* One cell: a rect at x, y of width w filled for its owner, with the
** thick border of a changed cell when bChanged; then its text: zLabel at
** xLabel and the owner's word at xOwner, or without a label the owner's
** word centred on xOwner.  The enclosing <g> gives the text its colour. */
static void srmSvgCell(sqlite3_str *p, int eOwner, int x, int y, int w, int bChanged,
                       const char *zLabel, int xLabel, int xOwner){
  sqlite3_str_appendf(p,
      "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"%s/>",
      x, y, w, SVG_BAND, srmSvgOwner[eOwner].zFill,
      bChanged ? " stroke=\"#000000\" stroke-width=\"3\"" : srmSvgOwner[eOwner].zEdge);
  if( zLabel ){
    sqlite3_str_appendf(p, "<text x=\"%d\" y=\"%d\">", xLabel, y + 14);
    srmXml(p, zLabel);
    sqlite3_str_appendf(p, "<tspan x=\"%d\" font-weight=\"bold\">%s</tspan></text>",
                        xOwner, srmOwnerName(eOwner));
  }else{
    sqlite3_str_appendf(p, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>",
                        xOwner, y + 14, srmOwnerName(eOwner));
  }
}

/*
** x and a variant as responsibility() reads them (srmTargetArgs(),
** func.c), into *pT and *piSlot; but an x that resolves to no service is
** the error "unknown service" here, not NULL: a picture is asked for by
** name.  1, or 0 with the result set (NULL for a NULL x).
*/
static int srmSvgTarget(sqlite3_context *ctx, sqlite3_value *pX, sqlite3_value *pVariant,
                        SrmTarget *pT, int *piSlot){
  const char *z = (const char*)sqlite3_value_text(pX);
  if( z==0 ){
    /* NULL; or no memory to make the value text (NULL by then too) */
    if( NEVER(sqlite3_value_type(pX)!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return 0;
  }
  if( !srmResolve(z, (size_t)sqlite3_value_bytes(pX), pT) ){
    srmErrorUnknown(ctx, "service", pX, "(SELECT service FROM srm_services)");
    return 0;
  }
  return srmTargetArgs(ctx, pX, pVariant, pT, piSlot);
}

/* srm_svg(x [, variant]) */
static void srmSvgFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmSvgView v;
  sqlite3_str *p;
  int i, h = SVG_HEAD + SRM_NCONTROL*SVG_PITCH + SVG_FOOT;
  memset(&v, 0, sizeof(v));
  if( !srmSvgTarget(ctx, argv[0], argc>1 ? argv[1] : 0, &v.a, &v.iSlotA) ) return;
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  srmSvgOpen(p, h, &v);
  srmSvgLayers(p, 120);
  for(i=0; i<SRM_NCONTROL; i++){
    const SrmControl *pC = &srmControl[i];
    const SrmCell *pCell = srmCellAt(v.iSlotA, i);
    int y = srmSvgY(i);
    sqlite3_str_appendf(p, "<g data-control=\"%s\" data-owner=\"%s\"%s>",
                        SRM_STR(pC->zId), srmOwnerName(pCell->eOwner),
                        srmSvgOwner[pCell->eOwner].zInk);
    srmSvgCellTitle(p, v.iSlotA, i);
    srmSvgCell(p, pCell->eOwner, 130, y, SVG_W - 146, 0, SRM_STR(pC->zTitle), 138, 580);
    sqlite3_str_appendall(p, "</g>\n");
  }
  srmSvgClose(p, h - 10);
  srmSvgResult(ctx, p);
}

/* One cell of a comparison: control i of side zSide (a or b), which shows
** target pT in slot iSlot, at x, y. */
static void srmSvgSide(sqlite3_str *p, const char *zSide, const SrmTarget *pT, int iSlot, int i,
                       int x, int y, int w, int bChanged){
  int e = srmCellAt(iSlot, i)->eOwner;
  sqlite3_str_appendf(p, "<g data-control=\"%s\" data-side=\"%s\" data-variant=\"%s\""
                      " data-owner=\"%s\"%s%s>", SRM_STR(srmControl[i].zId), zSide,
                      srmSvgVariantAttr(pT, iSlot), srmOwnerName(e),
                      bChanged ? " data-changed=\"1\"" : "", srmSvgOwner[e].zInk);
  srmSvgCellTitle(p, iSlot, i);
  srmSvgCell(p, e, x, y, w, bChanged, 0, 0, x + w/2);
  sqlite3_str_appendall(p, "</g>");
}

/* srm_svg_compare(x, variant_a, variant_b) */
static void srmSvgCompareFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SrmSvgView v;
  sqlite3_str *p;
  int i, h = SVG_HEAD + 16 + SRM_NCONTROL*SVG_PITCH + SVG_FOOT;
  const int xA = 296, xB = 508, w = 196;
  (void)argc;
  memset(&v, 0, sizeof(v));
  if( !srmSvgTarget(ctx, argv[0], argv[1], &v.a, &v.iSlotA) ) return;
  if( !srmSvgTarget(ctx, argv[0], argv[2], &v.b, &v.iSlotB) ) return;
  v.bCompare = 1;
  for(i=0; i<SRM_NCONTROL; i++){
    v.nChanged += srmCellAt(v.iSlotA, i)->eOwner!=srmCellAt(v.iSlotB, i)->eOwner;
  }
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  srmSvgOpen(p, h, &v);
  /* the stacks' headings, and the rows 16 units lower than srm_svg()'s */
  sqlite3_str_appendf(p, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
                      xA + w/2, SVG_HEAD + 10);
  srmSvgVariant(p, &v.a, v.iSlotA);
  sqlite3_str_appendf(p, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
                      xB + w/2, SVG_HEAD + 10);
  srmSvgVariant(p, &v.b, v.iSlotB);
  sqlite3_str_appendall(p, "</text>\n");
  for(i=0; i<SRM_NCONTROL; i++){
    const SrmControl *pC = &srmControl[i];
    int bChanged = srmCellAt(v.iSlotA, i)->eOwner!=srmCellAt(v.iSlotB, i)->eOwner;
    int y = srmSvgY(i) + 16;
    sqlite3_str_appendf(p, "<text x=\"16\" y=\"%d\">", y + 14);
    srmXml(p, SRM_STR(pC->zTitle));
    sqlite3_str_appendall(p, "</text>");
    srmSvgSide(p, "a", &v.a, v.iSlotA, i, xA, y, w, bChanged);
    srmSvgSide(p, "b", &v.b, v.iSlotB, i, xB, y, w, bChanged);
    if( bChanged ){
      sqlite3_str_appendf(p, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"16\""
                          " font-weight=\"bold\">&#8800;</text>", (xA + w + xB)/2, y + 15);
    }
    sqlite3_str_appendall(p, "\n");
  }
  srmSvgClose(p, h - 10);
  srmSvgResult(ctx, p);
}

/* srm_html(value) */
static void srmHtmlFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z = (const char*)sqlite3_value_text(argv[0]);
  sqlite3_str *p;
  int n;
  (void)argc;
  if( z==0 ){
    /* NULL; or no memory to make the value text (NULL by then too) */
    if( NEVER(sqlite3_value_type(argv[0])!=SQLITE_NULL) ) sqlite3_result_error_nomem(ctx);
    return;
  }
  n = sqlite3_value_bytes(argv[0]);
  if( n==0 ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  srmXmlText(p, z, (size_t)n);
  srmSvgResult(ctx, p);
}

int srmRegisterSvg(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "srm_svg",          1, srmSvgFunc },
    { "srm_svg",          2, srmSvgFunc },
    { "srm_svg_compare",  3, srmSvgCompareFunc },
    { "srm_html",         1, srmHtmlFunc },
  };
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  size_t i;
  int rc = SQLITE_OK;
  for(i=0; rc==SQLITE_OK && i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg, flags, 0,
                                 aFunc[i].xFunc, 0, 0);
  }
  return rc;
}
