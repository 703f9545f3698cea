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
        <source>spaCy training file (*.spacy)</source>
        <translation>ملف تدريب spaCy ‏(*.spacy)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="84"/>
        <source>CoNLL / BIO tags (*.conll)</source>
        <translation>وسوم CoNLL / BIO ‏(*.conll)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="85"/>
        <source>Label Studio tasks (*.json)</source>
        <translation>مهام Label Studio ‏(*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="86"/>
        <source>brat collection, a folder (*)</source>
        <translation>مجموعة brat، مجلد (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="87"/>
        <source>Hugging Face dataset, a folder (*)</source>
        <translation>مجموعة بيانات Hugging Face، مجلد (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="90"/>
        <source>Spans as CSV (*.csv)</source>
        <translation>المقاطع بصيغة CSV ‏(*.csv)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="91"/>
        <source>Register of measures (*.xlsx *.csv)</source>
        <translation>سجل التدابير ‏(*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs.py" line="98"/>
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
        <location filename="../../annotator/gui/window_menus.py" line="101"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="103"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="105"/>
        <source>Find in article…</source>
        <translation>بحث في المقال…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="107"/>
        <source>Mark done and open next</source>
        <translation>إنهاء المقال وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="110"/>
        <source>Link selected span to… (E)</source>
        <translation>ربط المقطع المحدد بـ… (E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="113"/>
        <source>Delete selected span (Del)</source>
        <translation>حذف المقطع المحدد (Del)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="115"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="116"/>
        <source>Larger text</source>
        <translation>تكبير النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="117"/>
        <source>Smaller text</source>
        <translation>تصغير النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="118"/>
        <source>Language / اللغة</source>
        <translation>اللغة / Language</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="119"/>
        <source>Change analyst name…</source>
        <translation>تغيير اسم المحلل…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="120"/>
        <source>Statistics…</source>
        <translation>إحصاءات…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="122"/>
        <source>Review mode: A, B and gold on the text</source>
        <translation>وضع المراجعة: الطبقتان A وB والطبقة الذهبية على النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="124"/>
        <source>Label tags on the text</source>
        <translation>أسماء الوسوم على النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="125"/>
        <source>All relation arrows</source>
        <translation>أسهم كل العلاقات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="126"/>
        <source>Quality checks…</source>
        <translation>فحوص الجودة…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="143"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_menus.py" line="144"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="227"/>
        <source>Arabic news annotator</source>
        <translation>مُوسِّم الأخبار العربية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="234"/>
        <source>Status: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="236"/>
        <source>Labelling as %1</source>
        <translation>التوسيم باسم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="246"/>
        <source>No article %1 in this database.</source>
        <translation>لا يوجد مقال %1 في قاعدة البيانات هذه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="358"/>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="365"/>
        <source>Not undone</source>
        <translation>تعذّر التراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="365"/>
        <source>Not redone</source>
        <translation>تعذّرت الإعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="367"/>
        <source>Nothing was changed, and this step leaves the undo list: going back would overwrite a change someone else made since.</source>
        <translation>لم يتغير شيء، وتخرج هذه الخطوة من قائمة التراجع: الرجوع كان سيمحو تغييرا أجراه شخص آخر منذ ذلك الحين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="371"/>
        <location filename="../../annotator/gui/main_window.py" line="379"/>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="373"/>
        <source>Nothing was saved. The layer is now shown as it is: look at it again before deciding.</source>
        <translation>لم يُحفظ شيء. تُعرض الطبقة الآن كما هي: انظر إليها مرة أخرى قبل أن تقرر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="379"/>
        <source>The database refused this change:</source>
        <translation>رفضت قاعدة البيانات هذا التغيير:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="395"/>
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
        <location filename="../../annotator/gui/names.py" line="76"/>
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
    <name>ReviewMode</name>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="141"/>
        <source>Review: choose two different layers.</source>
        <translation>المراجعة: اختر طبقتين مختلفتين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="214"/>
        <source>No other article has disagreements left.</source>
        <translation>لم يبقَ خلاف في أي مقال آخر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="216"/>
        <source>Still counting the set&apos;s disagreements; press N again.</source>
        <translation>ما زال عدّ خلافات المجموعة جاريًا؛ اضغط N مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="235"/>
        <source>%1 left in the set</source>
        <translation>بقي %1 في المجموعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="239"/>
        <source>counting the set…</source>
        <translation>جارٍ عدّ خلافات المجموعة…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="242"/>
        <source>disagreement %1 of %2 in this article</source>
        <translation>الخلاف %1 من %2 في هذا المقال</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="247"/>
        <source>disagreements in this article: %1</source>
        <translation>الخلافات في هذا المقال: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="250"/>
        <source>undecided here: %1</source>
        <translation>غير المحسوم هنا: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="254"/>
        <source>Review: A %1 above the line, B %2 below, gold tinted</source>
        <translation>المراجعة: ‏A ‏(%1) فوق السطر، ‏B ‏(%2) تحته، والطبقة الذهبية مظلَّلة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="261"/>
        <source>Editing gold&apos;s bounds: Shift+arrows move the selection, Enter keeps it (Alt+Enter exactly), Esc cancels</source>
        <translation>تعديل حدود الطبقة الذهبية: Shift مع الأسهم يغيّر التحديد، Enter يثبّته (Alt+Enter كما هو دون ضبط)، Esc يلغي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="333"/>
        <source>take A&apos;s version</source>
        <translation>اعتماد نسخة A</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="334"/>
        <source>take B&apos;s version</source>
        <translation>اعتماد نسخة B</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="335"/>
        <source>reject both</source>
        <translation>رفض النسختين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="345"/>
        <source>take an attribute</source>
        <translation>اعتماد خاصية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="352"/>
        <source>Click a span of A or B first, then press G.</source>
        <translation>انقر مقطعًا من A أو B أولًا، ثم اضغط G.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="362"/>
        <source>accept into gold</source>
        <translation>اعتماد في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="372"/>
        <source>Nothing both agree on.</source>
        <translation>لا شيء يتفق عليه الاثنان.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="375"/>
        <source>accept agreed spans</source>
        <translation>اعتماد الوسوم المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="396"/>
        <source>Gold holds nothing here yet: press A or B first, or select words.</source>
        <translation>لا شيء في الطبقة الذهبية هنا بعد: اضغط A أو B أولًا، أو حدّد كلمات.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="402"/>
        <source>label in gold</source>
        <translation>وسم في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="406"/>
        <source>Gold already holds this.</source>
        <translation>الطبقة الذهبية تحتوي هذا بالفعل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="450"/>
        <source>edit gold bounds</source>
        <translation>تعديل حدود الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_mode.py" line="496"/>
        <source>Press N to go to a disagreement first.</source>
        <translation>اضغط N للانتقال إلى خلاف أولًا.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="60"/>
        <source>agree</source>
        <translation>اتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="61"/>
        <source>only A</source>
        <translation>عند A فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="62"/>
        <source>only B</source>
        <translation>عند B فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="63"/>
        <source>label differs</source>
        <translation>اختلاف الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="64"/>
        <source>bounds differ</source>
        <translation>اختلاف الحدود</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="65"/>
        <source>bounds and label differ</source>
        <translation>اختلاف الحدود والوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="66"/>
        <source>attributes differ</source>
        <translation>اختلاف الخصائص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="67"/>
        <source>relation only A</source>
        <translation>علاقة عند A فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="68"/>
        <source>relation only B</source>
        <translation>علاقة عند B فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_pairs.py" line="69"/>
        <source>relation ends differ</source>
        <translation>اختلاف طرفَي العلاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="198"/>
        <source>Choose two different annotators.</source>
        <translation>اختر محلّلَين مختلفين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="221"/>
        <source>%1&apos;s layer: %2</source>
        <translation>طبقة %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="257"/>
        <source>undecided: %1</source>
        <translation>غير المحسوم: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="277"/>
        <source>This article: exact F1 %1, overlap F1 %2, token kappa %3</source>
        <translation>هذا المقال: F1 المطابق %1، F1 بالتداخل %2، كابا الكلمات %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="287"/>
        <source>whole set: computing…</source>
        <translation>المجموعة كلها: جارٍ الحساب…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="290"/>
        <source>whole set (articles: %4): exact F1 %1, overlap F1 %2, token kappa %3</source>
        <translation>المجموعة كلها (المقالات: %4): F1 المطابق %1، F1 بالتداخل %2، كابا الكلمات %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="429"/>
        <source>decide in gold</source>
        <translation>الحسم في الطبقة الذهبية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="441"/>
        <source>take an attribute</source>
        <translation>اعتماد خاصية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="451"/>
        <source>Nothing both agree on.</source>
        <translation>لا شيء يتفق عليه الاثنان.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="454"/>
        <source>accept agreed spans</source>
        <translation>اعتماد الوسوم المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="460"/>
        <source>Accept layer</source>
        <translation>قبول الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="461"/>
        <source>Comment (optional):</source>
        <translation>تعليق (اختياري):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="462"/>
        <source>accept layer</source>
        <translation>قبول الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="468"/>
        <source>Return layer</source>
        <translation>إرجاع الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="469"/>
        <source>Why does the layer go back?</source>
        <translation>لماذا تُرجَع الطبقة؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="470"/>
        <source>return layer</source>
        <translation>إرجاع الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="498"/>
        <source>Nothing to change.</source>
        <translation>لا شيء يتغيّر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="516"/>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="517"/>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="518"/>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="520"/>
        <source>Accept everything both agree on</source>
        <translation>اعتماد كل ما يتفق عليه الاثنان</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="523"/>
        <source>Accept A&apos;s layer…</source>
        <translation>قبول طبقة A…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="526"/>
        <source>Return A&apos;s layer…</source>
        <translation>إرجاع طبقة A…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review_panel.py" line="529"/>
        <source>A / B: that side is right here · X: neither · N / Shift+N: next / previous disagreement · Ctrl+R: review mode (A above the line, B below, gold tinted)</source>
        <translation>A / B: هذا الجانب هو الصحيح هنا · X: لا هذا ولا ذاك · N / Shift+N: الخلاف التالي / السابق · Ctrl+R: وضع المراجعة (A فوق السطر، B تحته، الطبقة الذهبية مظلَّلة)</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="96"/>
        <source>nothing yet</source>
        <translation>لا شيء بعد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="169"/>
        <source>Statistics</source>
        <translation>إحصاءات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="181"/>
        <source>Spans per label</source>
        <translation>المقاطع حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="184"/>
        <source>Spans per annotator</source>
        <translation>المقاطع حسب المُوسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="187"/>
        <source>Layers per status</source>
        <translation>طبقات التوسيم حسب الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="190"/>
        <source>Agreement per label: exact F1</source>
        <translation>الاتفاق حسب الوسم: F1 المطابق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="195"/>
        <source>Agreement per label: token kappa</source>
        <translation>الاتفاق حسب الوسم: كابا على مستوى الكلمة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="200"/>
        <source>Disagreements per label, most first</source>
        <translation>الخلافات حسب الوسم، الأكثر أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="227"/>
        <source>Agreement between</source>
        <translation>الاتفاق بين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="229"/>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="235"/>
        <source>Save as PNG…</source>
        <translation>حفظ كصورة PNG…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="269"/>
        <source>{articles} articles, {spans} spans, {relations} relations</source>
        <translation>المقالات: {articles}، المقاطع: {spans}، العلاقات: {relations}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="313"/>
        <source>Choose two different annotators.</source>
        <translation>اختر مُوسِّمَين مختلفَين.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="317"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="343"/>
        <source>{a} vs {b}: {articles} articles, span F1 {f1:.3f} (overlap {overlap:.3f}), token kappa {kappa}, alpha {alpha}</source>
        <translation>{a} مقابل {b}: المقالات {articles}، F1 للمقاطع {f1:.3f} (بالتداخل {overlap:.3f})، كابا الكلمات {kappa}، ألفا {alpha}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="416"/>
        <source>Save charts</source>
        <translation>حفظ الرسوم البيانية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="427"/>
        <source>only A</source>
        <translation>عند A فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="432"/>
        <source>only B</source>
        <translation>عند B فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="437"/>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="442"/>
        <source>bounds</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="447"/>
        <source>bounds and label</source>
        <translation>الحدود والوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/stats_dialog.py" line="452"/>
        <source>attributes</source>
        <translation>الخصائص</translation>
    </message>
</context>
</TS>
