<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ArticleDelegate</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/article_list.py" line="77"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../annotator/gui/article_list.py" line="116"/>
        <source>Search articles (diacritics ignored)…</source>
        <translation>ابحث في المقالات (دون اعتبار للتشكيل)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/article_list.py" line="120"/>
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="31"/>
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="47"/>
        <source>Select a span to see its attributes.</source>
        <translation>حدّد مقطعًا لعرض خصائصه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="49"/>
        <source>This label has no attributes.</source>
        <translation>لا خصائص لهذا الوسم.</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="124"/>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="152"/>
        <source>Cancelled.</source>
        <translation>أُلغي الفحص.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="184"/>
        <source>Showing the first {shown} of {count} findings; the command line (check) lists them all.</source>
        <translation>تُعرض أول {shown} من {count} ملاحظة؛ سطر الأوامر (check) يسردها كلها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="192"/>
        <source>Findings: {count}</source>
        <translation>الملاحظات: {count}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="197"/>
        <source>No findings.</source>
        <translation>لا ملاحظات.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="226"/>
        <source>Quality checks</source>
        <translation>فحوص الجودة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="227"/>
        <source>All annotators</source>
        <translation>كل المحلّلين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="228"/>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="230"/>
        <source>Run checks</source>
        <translation>شغّل الفحوص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="232"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="239"/>
        <source>error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="240"/>
        <source>warning</source>
        <translation>تحذير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/checks_panel.py" line="241"/>
        <source>info</source>
        <translation>معلومة</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="55"/>
        <source>Welcome</source>
        <translation>مرحبًا</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="56"/>
        <source>Your name (saved with every label you make):</source>
        <translation>اسمك (يُحفظ مع كل وسم تضعه):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="68"/>
        <source>Import articles or annotations</source>
        <translation>استيراد مقالات أو توسيمات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="70"/>
        <source>Articles and annotations (*.txt *.jsonl *.json *.csv);;All files (*)</source>
        <translation>مقالات وتوسيمات (*.txt *.jsonl *.json *.csv);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="80"/>
        <source>Annotations, JSONL (*.jsonl)</source>
        <translation>التوسيمات، JSONL ‏(*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="81"/>
        <source>doccano JSONL (*.jsonl)</source>
        <translation>doccano JSONL ‏(*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="82"/>
        <source>spaCy / Prodigy JSONL (*.jsonl)</source>
        <translation>spaCy / Prodigy JSONL ‏(*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="83"/>
        <source>Spans as CSV (*.csv)</source>
        <translation>المقاطع بصيغة CSV ‏(*.csv)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="88"/>
        <source>Export annotations</source>
        <translation>تصدير التوسيمات</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="41"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="42"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="43"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="50"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="56"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="60"/>
        <source>Please wait: another import or export is running.</source>
        <translation>انتظر قليلًا: استيراد أو تصدير آخر قيد التنفيذ.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="63"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="94"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="95"/>
        <source>These files were not imported (nothing from them was saved):</source>
        <translation>لم تُستورد هذه الملفات (لم يُحفظ منها شيء):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="101"/>
        <source>Exported %1 record(s) with %2 span(s).</source>
        <translation>صُدّر %1 سجل فيها %2 مقطع.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="109"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="114"/>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/file_menu.py" line="114"/>
        <source>The work stopped:</source>
        <translation>توقف العمل:</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="49"/>
        <source>Find in this article…</source>
        <translation>ابحث في هذا المقال…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="99"/>
        <source>no match</source>
        <translation>لا نتيجة</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../annotator/gui/label_palette.py" line="48"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/label_palette.py" line="53"/>
        <source>Press %1 or %2 to label the selection</source>
        <translation>اضغط %1 أو %2 لوسم التحديد</translation>
    </message>
</context>
<context>
    <name>Labelling</name>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="84"/>
        <source>change label</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="94"/>
        <source>Nothing to label here: select one or more words.</source>
        <translation>لا شيء لوسمه هنا: حدّد كلمة أو أكثر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="100"/>
        <source>add span</source>
        <translation>إضافة مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="107"/>
        <source>delete span</source>
        <translation>حذف مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="113"/>
        <source>set attribute</source>
        <translation>تعديل خاصية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="118"/>
        <source>delete relation</source>
        <translation>حذف علاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="142"/>
        <source>Linking cancelled.</source>
        <translation>أُلغي الربط.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="162"/>
        <source>Change label</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="168"/>
        <source>Link to another span… (E)</source>
        <translation>ربط بمقطع آخر… (E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="171"/>
        <source>Delete span (Del)</source>
        <translation>حذف المقطع (Del)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="180"/>
        <source>Select a span first, then press E and click the other span.</source>
        <translation>حدّد مقطعًا أولًا، ثم اضغط E وانقر المقطع الآخر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="188"/>
        <source>Click the span to link to (Tab and Enter work too; Esc cancels).</source>
        <translation>انقر المقطع المراد ربطه (أو Tab ثم Enter؛ Esc للإلغاء).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="201"/>
        <source>No relation goes from %1 to %2.</source>
        <translation>لا توجد علاقة من «%1» إلى «%2».</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/labelling.py" line="214"/>
        <source>add relation</source>
        <translation>إضافة علاقة</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="85"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="87"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="89"/>
        <source>Find in article…</source>
        <translation>بحث في المقال…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="91"/>
        <source>Mark done and open next</source>
        <translation>إنهاء المقال وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="94"/>
        <source>Link selected span to… (E)</source>
        <translation>ربط المقطع المحدد بـ… (E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="97"/>
        <source>Delete selected span (Del)</source>
        <translation>حذف المقطع المحدد (Del)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="99"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="100"/>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="101"/>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="102"/>
        <source>Language / اللغة</source>
        <translation>اللغة / Language</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="103"/>
        <source>Change analyst name…</source>
        <translation>تغيير اسم المحلل…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="104"/>
        <source>Statistics…</source>
        <translation>إحصاءات…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="105"/>
        <source>Review…</source>
        <translation>المراجعة…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="106"/>
        <source>Quality checks…</source>
        <translation>فحوص الجودة…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="115"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="116"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="214"/>
        <source>Arabic news annotator</source>
        <translation>مُوسِّم الأخبار العربية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="221"/>
        <source>Status: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="228"/>
        <source>No article %1 in this database.</source>
        <translation>لا يوجد مقال %1 في قاعدة البيانات هذه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="340"/>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="347"/>
        <source>Not undone</source>
        <translation>تعذّر التراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="347"/>
        <source>Not redone</source>
        <translation>تعذّرت الإعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="349"/>
        <source>Nothing was changed, and this step leaves the undo list: going back would overwrite a change someone else made since.</source>
        <translation>لم يتغير شيء، وتخرج هذه الخطوة من قائمة التراجع: الرجوع كان سيمحو تغييرا أجراه شخص آخر منذ ذلك الحين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="355"/>
        <source>Nothing was saved. The layer is now shown as it is: look at it again before deciding.</source>
        <translation>لم يُحفظ شيء. تُعرض الطبقة الآن كما هي: انظر إليها مرة أخرى قبل أن تقرر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="353"/>
        <location filename="../../annotator/gui/main_window.py" line="361"/>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="361"/>
        <source>The database refused this change:</source>
        <translation>رفضت قاعدة البيانات هذا التغيير:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="375"/>
        <source>mark done</source>
        <translation>إنهاء المقال</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../annotator/gui/names.py" line="20"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/names.py" line="21"/>
        <source>in progress</source>
        <translation>قيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/names.py" line="22"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/names.py" line="23"/>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/names.py" line="24"/>
        <source>returned</source>
        <translation>مُعاد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/names.py" line="70"/>
        <source>annotator</source>
        <translation>المُوسِّم</translation>
    </message>
</context>
<context>
    <name>RelationList</name>
    <message>
        <location filename="../../annotator/gui/relation_list.py" line="41"/>
        <source>Delete relation</source>
        <translation>حذف العلاقة</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="59"/>
        <source>agree</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="60"/>
        <source>label mismatch</source>
        <translation>اختلاف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="61"/>
        <source>overlap</source>
        <translation>تداخل</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="62"/>
        <source>only A</source>
        <translation>عند A فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="63"/>
        <source>only B</source>
        <translation>عند B فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="180"/>
        <source>Choose two different annotators.</source>
        <translation>اختر محلّلَين مختلفين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="188"/>
        <source>%1&apos;s layer: %2</source>
        <translation>طبقة %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="256"/>
        <source>accept into gold</source>
        <translation>اعتماد في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="267"/>
        <source>reject from gold</source>
        <translation>رفض من الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="277"/>
        <source>Nothing both agree on.</source>
        <translation>لا شيء يتفق عليه الاثنان.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="280"/>
        <source>accept agreed spans</source>
        <translation>اعتماد الوسوم المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="286"/>
        <source>Accept layer</source>
        <translation>قبول الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="287"/>
        <source>Comment (optional):</source>
        <translation>تعليق (اختياري):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="288"/>
        <source>accept layer</source>
        <translation>قبول الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="294"/>
        <source>Return layer</source>
        <translation>إرجاع الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="295"/>
        <source>Why does the layer go back?</source>
        <translation>لماذا تُرجَع الطبقة؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="296"/>
        <source>return layer</source>
        <translation>إرجاع الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="324"/>
        <source>Nothing to change.</source>
        <translation>لا شيء يتغيّر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="344"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="345"/>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="346"/>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="348"/>
        <source>Accept everything both agree on</source>
        <translation>اعتماد كل ما يتفق عليه الاثنان</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="351"/>
        <source>Accept A&apos;s layer…</source>
        <translation>قبول طبقة A…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="354"/>
        <source>Return A&apos;s layer…</source>
        <translation>إرجاع طبقة A…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="357"/>
        <source>A: accept into gold · B: accept B&apos;s span · X: reject from gold</source>
        <translation>A: اعتماد في الطبقة الذهبية · B: اعتماد وسم B · X: رفض من الطبقة الذهبية</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="81"/>
        <source>nothing yet</source>
        <translation>لا شيء بعد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="121"/>
        <source>Statistics</source>
        <translation>إحصاءات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="133"/>
        <source>Spans per label</source>
        <translation>المقاطع حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="136"/>
        <source>Spans per annotator</source>
        <translation>المقاطع حسب المُوسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="139"/>
        <source>Layers per status</source>
        <translation>طبقات التوسيم حسب الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="142"/>
        <source>Agreement per label: exact F1</source>
        <translation>الاتفاق حسب الوسم: F1 المطابق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="147"/>
        <source>Agreement per label: token kappa</source>
        <translation>الاتفاق حسب الوسم: كابا على مستوى الكلمة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="172"/>
        <source>Agreement between</source>
        <translation>الاتفاق بين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="174"/>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="180"/>
        <source>Save as PNG…</source>
        <translation>حفظ كصورة PNG…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="214"/>
        <source>{articles} articles, {spans} spans, {relations} relations</source>
        <translation>المقالات: {articles}، المقاطع: {spans}، العلاقات: {relations}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="257"/>
        <source>Choose two different annotators.</source>
        <translation>اختر مُوسِّمَين مختلفَين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="261"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="283"/>
        <source>{a} vs {b}: {articles} articles, span F1 {f1:.3f} (overlap {overlap:.3f}), token kappa {kappa}, alpha {alpha}</source>
        <translation>{a} مقابل {b}: المقالات {articles}، F1 للمقاطع {f1:.3f} (بالتداخل {overlap:.3f})، كابا الكلمات {kappa}، ألفا {alpha}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="337"/>
        <source>Save charts</source>
        <translation>حفظ الرسوم البيانية</translation>
    </message>
</context>
</TS>
