<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttemptsPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="38"/>
        <source>進行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="39"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="40"/>
        <source>已放棄</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="43"/>
        <source>練習</source>
        <translation>Practice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="44"/>
        <source>評量</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="45"/>
        <source>觀察角色扮演</source>
        <translation>Role-play</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="78"/>
        <source>學習者名單</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="90"/>
        <source>* 教師調整後的分數，括號內為原始分數。</source>
        <translation>* adjusted by the instructor; the original score in brackets.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="93"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="94"/>
        <source>個案</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="95"/>
        <source>模式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="96"/>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="97"/>
        <source>總分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="100"/>
        <source>作答歷程</source>
        <translation>Attempt history</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="114"/>
        <source>反思單</source>
        <translation>Reflection sheet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="115"/>
        <source>匯出這張反思單 PDF…</source>
        <translation>Export this sheet as PDF…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="121"/>
        <source>反思單內容</source>
        <translation>Reflection sheet content</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="186"/>
        <source>{name} · 作答歷程</source>
        <translation>{name} · attempt history</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/attempts_page.py" line="233"/>
        <source>無法顯示這張反思單：{reason}</source>
        <translation>Cannot show this sheet: {reason}</translation>
    </message>
</context>
<context>
    <name>ClassPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="46"/>
        <source>選擇班級名單</source>
        <translation>Choose a class list</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="66"/>
        <source>班級資料夾名稱（可不填）</source>
        <translation>Label (optional)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="67"/>
        <source>班級資料夾名稱</source>
        <translation>Class folder label</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="70"/>
        <source>設為班級資料夾</source>
        <translation>Make this a class folder</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="78"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="84"/>
        <source>班級名單</source>
        <translation>Class list</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="79"/>
        <source>匯入名單（CSV/XLSX）…</source>
        <translation>Import a list (CSV/XLSX)…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="84"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="92"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="116"/>
        <source>學號</source>
        <translation>Student no.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="84"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="92"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="115"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="84"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="92"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="117"/>
        <source>班級</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="90"/>
        <source>學習者檔案（同學號即同一人）</source>
        <translation>Learner profiles (one per student no.)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="92"/>
        <source>作答</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="93"/>
        <source>學習者檔案</source>
        <translation>Learner profiles</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="99"/>
        <source>把選取的併入</source>
        <translation>Merge the selected profile into</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="101"/>
        <source>保留的檔案</source>
        <translation>Profile to keep</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="103"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="194"/>
        <source>合併</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="109"/>
        <source>新的姓名</source>
        <translation>New name</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="111"/>
        <source>新的學號</source>
        <translation>New student no.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="113"/>
        <source>新的班級</source>
        <translation>New class</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="121"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="194"/>
        <source>更名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="127"/>
        <location filename="../../trainer/ui/instructor/class_page.py" line="130"/>
        <source>變更紀錄</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="129"/>
        <source>時間</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="129"/>
        <source>動作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="129"/>
        <source>內容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="129"/>
        <source>由</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="148"/>
        <source>這是學習者資料夾：合併進來的學習者會出現在歡迎畫面。</source>
        <translation>This is a learner folder: merged learners appear on its welcome screen.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="152"/>
        <source>班級資料夾 {label}：合併的學習者只在教師專區（PIN）出現。</source>
        <translation>Class folder {label}: merged learners appear only in the instructor area (behind the PIN).</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="224"/>
        <source>沒有匯入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="227"/>
        <source>名單匯入：新增 {added}，更新 {updated}，依學號連結 {linked}，更名 {renamed}。</source>
        <translation>Class list imported: {added} new, {updated} changed, {linked} linked by student no., {renamed} renamed.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="235"/>
        <source>尚無紀錄：{names}</source>
        <translation>No records yet: {names}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="262"/>
        <source>沒有合併：{reason}</source>
        <translation>Not merged: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/class_page.py" line="264"/>
        <source>已合併，%n 次作答歸入保留的檔案。</source>
        <translation>
            <numerusform>Merged: %n attempt now counts for the kept profile.</numerusform>
            <numerusform>Merged: %n attempts now count for the kept profile.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="282"/>
        <source>沒有更名：{reason}</source>
        <translation>Not renamed: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="284"/>
        <source>已更新。</source>
        <translation>Updated.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/class_page.py" line="284"/>
        <source>沒有變更。</source>
        <translation>No change.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="131"/>
        <source>門檻</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="135"/>
        <source>門檻分數</source>
        <translation>Threshold score</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="137"/>
        <source>套用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="147"/>
        <source>各指標平均與分布</source>
        <translation>Means and spread per indicator</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="155"/>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="160"/>
        <source>學習者</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="155"/>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="161"/>
        <source>學號</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="155"/>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="162"/>
        <source>班級</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="155"/>
        <source>個案數</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="156"/>
        <source>學習者 × 指標</source>
        <translation>Learner × indicator</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="164"/>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="188"/>
        <source>低於門檻</source>
        <translation>Below threshold</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="166"/>
        <source>低於門檻的學習者</source>
        <translation>Learners below threshold</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="169"/>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="180"/>
        <source>個案</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="170"/>
        <source>作答</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="171"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="172"/>
        <source>平均</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="173"/>
        <source>升級率</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="174"/>
        <source>中位時間</source>
        <translation>Median time</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="176"/>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="189"/>
        <source>個案難度</source>
        <translation>Case difficulty</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="180"/>
        <source>步驟</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="180"/>
        <source>選項</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="180"/>
        <source>次數</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="180"/>
        <source>人數</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="181"/>
        <source>常見錯誤選擇</source>
        <translation>Common mistakes</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="187"/>
        <source>熱圖</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="190"/>
        <source>常見錯誤</source>
        <translation>Mistakes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="205"/>
        <source>雙擊任一列開啟該次作答的反思單；「低於門檻」以每位學習者最近 %n 次作答的平均判斷。</source>
        <translation>
            <numerusform>Double-click a row to open its reflection sheet; &apos;below threshold&apos; uses each learner&apos;s last attempt.</numerusform>
            <numerusform>Double-click a row to open its reflection sheet; &apos;below threshold&apos; uses the mean of each learner&apos;s last %n attempts.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="243"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="288"/>
        <source>%n 位學習者</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="289"/>
        <source>%n 次作答</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="290"/>
        <source>%n 位低於 {threshold}</source>
        <translation>
            <numerusform>%n below {threshold}</numerusform>
            <numerusform>%n below {threshold}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="323"/>
        <source>{name} · 趨勢（%n 次作答）</source>
        <translation>
            <numerusform>{name} · trend (%n attempt)</numerusform>
            <numerusform>{name} · trend (%n attempts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="64"/>
        <source>把學習紀錄檔（.db / .sqlite）拖放到這裡</source>
        <translation>Drop learner log files (.db / .sqlite) here</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="65"/>
        <source>學習紀錄檔拖放區</source>
        <translation>Drop area for learner log files</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="46"/>
        <source>CSV 資料夾</source>
        <translation>CSV folder</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="47"/>
        <source>完整紀錄，每個資料表一個 CSV（UTF-8 BOM，Excel 可直接開）</source>
        <translation>The full log, one CSV per table (UTF-8 with BOM, opens in Excel)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="52"/>
        <source>Excel 活頁簿 .xlsx</source>
        <translation>Excel workbook .xlsx</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="53"/>
        <source>摘要、練習次數（含 3.1–3.5 分數）、決策、反思等分頁；完整紀錄請用 CSV</source>
        <translation>Sheets for the summary, numbered attempts (with 3.1–3.5 scores), decisions, reflections…; use CSV for the full log</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="58"/>
        <source>xAPI 陳述 .json</source>
        <translation>xAPI statements .json</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="59"/>
        <source>給 LRS 使用；學習者一律以代號表示</source>
        <translation>For an LRS; learners are always pseudonymous</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="62"/>
        <source>SQLite 複本 .db</source>
        <translation>SQLite copy .db</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="63"/>
        <source>可在別台電腦合併，或用 Datasette 檢視</source>
        <translation>To merge on another computer, or to browse with Datasette</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="66"/>
        <source>PDF 評量證據作品集</source>
        <translation>PDF assessment portfolio</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="67"/>
        <source>選一位學習者；含每次完成的反思單</source>
        <translation>Choose one learner; holds every completed reflection sheet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="85"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="102"/>
        <source>範圍</source>
        <translation>Which attempts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="106"/>
        <source>以代號取代姓名</source>
        <translation>Pseudonymize names</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="109"/>
        <location filename="../../trainer/ui/instructor/export_page.py" line="113"/>
        <source>匯出語言</source>
        <translation>Export language</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="121"/>
        <source>匯出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="169"/>
        <source>PDF 作品集需要先選一位學習者。</source>
        <translation>Choose a learner for a PDF portfolio.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="174"/>
        <source>正在匯出到 {path}…</source>
        <translation>Exporting to {path}…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="185"/>
        <source>已匯出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/export_page.py" line="192"/>
        <source>匯出失敗，沒有寫入任何檔案。</source>
        <translation>Export failed; nothing was written.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="21"/>
        <source>練習</source>
        <translation>Practice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="22"/>
        <source>評量</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="23"/>
        <source>觀察角色扮演</source>
        <translation>Observed role-play</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="49"/>
        <source>不限</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="65"/>
        <source>班級</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="66"/>
        <source>學習者</source>
        <translation>Learner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="67"/>
        <source>個案</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="68"/>
        <source>模式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="70"/>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="71"/>
        <source>起始日期</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="75"/>
        <source>迄</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="76"/>
        <source>結束日期</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/filter_bar.py" line="94"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="41"/>
        <location filename="../../trainer/ui/instructor/import_page.py" line="136"/>
        <source>學習者</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="42"/>
        <source>作答</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="43"/>
        <source>決策</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="44"/>
        <source>內部報告</source>
        <translation>Internal reports</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="45"/>
        <source>反思</source>
        <translation>Reflections</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="46"/>
        <source>自評</source>
        <translation>Self-ratings</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="47"/>
        <source>分數</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="98"/>
        <source>合併學生交來的學習紀錄檔到這台電腦的資料庫。重複合併不會重複計算；有任何一個檔案有問題，就整批不合併，資料庫維持原狀。合併前會先自動備份。</source>
        <translation>Merge the learner logs students hand in into this computer&apos;s database. Merging a file twice adds nothing; if any file has a problem, nothing is merged and the database stays as it was. A backup is made first.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="108"/>
        <source>選擇檔案…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="113"/>
        <source>選擇資料夾…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="116"/>
        <source>先預覽…</source>
        <translation>Preview first…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="117"/>
        <source>只檢查並列出每個檔案會新增什麼，不合併</source>
        <translation>Check and list what each file would add; merge nothing</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="128"/>
        <source>資料表</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="128"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="128"/>
        <source>已存在</source>
        <translation>Already there</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="128"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="129"/>
        <source>合併結果</source>
        <translation>Merge summary</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="135"/>
        <source>檔案</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="137"/>
        <source>新作答</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="138"/>
        <source>延續</source>
        <translation>Taken further</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="139"/>
        <source>已合併</source>
        <translation>Already merged</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="140"/>
        <source>較舊</source>
        <translation>Older</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="141"/>
        <source>注意</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="143"/>
        <source>每個檔案</source>
        <translation>Per file</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="164"/>
        <source>選擇繳交資料夾</source>
        <translation>Choose a folder of hand-ins</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="175"/>
        <source>正在檢查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="195"/>
        <source>拒絕：{reason}</source>
        <translation>Refused: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="203"/>
        <source>可以合併。</source>
        <translation>Ready to merge.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="203"/>
        <source>這批會被拒絕。</source>
        <translation>This batch would be refused.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/import_page.py" line="205"/>
        <source>預覽：%n 個檔案。</source>
        <translation>
            <numerusform>Preview: %n file.</numerusform>
            <numerusform>Preview: %n files.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="210"/>
        <source>正在合併 {names}…</source>
        <translation>Merging {names}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/import_page.py" line="246"/>
        <source>新增 %n 個決策</source>
        <translation>
            <numerusform>%n decision added</numerusform>
            <numerusform>%n decisions added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/import_page.py" line="256"/>
        <source>已合併 %n 個檔案，</source>
        <translation>
            <numerusform>Merged %n file, </numerusform>
            <numerusform>Merged %n files, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/import_page.py" line="256"/>
        <source>新增 %n 筆資料。</source>
        <translation>
            <numerusform>%n row added.</numerusform>
            <numerusform>%n rows added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/import_page.py" line="264"/>
        <source>沒有合併任何資料，資料庫維持原狀。</source>
        <translation>Nothing was merged; the database is unchanged.</translation>
    </message>
</context>
<context>
    <name>IndicatorChart</name>
    <message>
        <location filename="../../trainer/ui/instructor/charts.py" line="29"/>
        <source>平均</source>
        <extracomment>score bands 0-19 ... 80-100, from red to green</extracomment>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/charts.py" line="30"/>
        <source>尚無資料</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/charts.py" line="106"/>
        <source>門檻 {n}</source>
        <translation>Threshold {n}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/charts.py" line="126"/>
        <source>分數分布</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/charts.py" line="183"/>
        <source>各指標的平均與分數分布</source>
        <translation>Indicator means and score distributions</translation>
    </message>
</context>
<context>
    <name>InstructorWindow</name>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="66"/>
        <location filename="../../trainer/ui/instructor/window.py" line="75"/>
        <source>教師專區</source>
        <extracomment>each language by its own name (the switch is read by someone who reads that language)</extracomment>
        <translation>Instructor area</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="77"/>
        <source>iCAP TRM3R0182v2 三、解決顧客投訴</source>
        <translation>iCAP TRM3R0182v2 part 3: resolving customer complaints</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="85"/>
        <source>切換為英文</source>
        <translation>Switch to English</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="85"/>
        <source>切換為中文（台灣）</source>
        <translation>Switch to Chinese (Taiwan)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="89"/>
        <source>鎖定並關閉</source>
        <translation>Lock and close</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="106"/>
        <source>儀表板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="107"/>
        <source>學習者</source>
        <translation>Learners</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="108"/>
        <source>合併</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="109"/>
        <source>匯出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="110"/>
        <source>作品集</source>
        <translation>Portfolios</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="111"/>
        <source>班級</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="113"/>
        <source>案例</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/window.py" line="114"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>LrsPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="42"/>
        <source>帳號或密碼錯誤</source>
        <translation>Wrong user or password</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="43"/>
        <source>連不到 LRS</source>
        <translation>Cannot reach the LRS</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="44"/>
        <source>LRS 拒收一筆紀錄</source>
        <translation>The LRS rejected a statement</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="45"/>
        <source>LRS 發生錯誤</source>
        <translation>The LRS failed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="46"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="47"/>
        <source>設定有誤</source>
        <translation>The settings are wrong</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="62"/>
        <source>推送到 LRS（學習紀錄庫）</source>
        <translation>Push to a Learning Record Store (LRS)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="65"/>
        <source>以 xAPI 1.0.3 送出（學習者以代號表示）。已確認收到的紀錄不會重送。</source>
        <translation>Sent as xAPI 1.0.3 (learners as pseudonyms). What the LRS acknowledged is never sent again.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="72"/>
        <source>LRS 端點</source>
        <translation>LRS endpoint</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="74"/>
        <source>LRS 帳號</source>
        <translation>LRS user</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="77"/>
        <source>LRS 密碼</source>
        <translation>LRS password</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="78"/>
        <source>只用於這次推送</source>
        <translation>used for this push only</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="79"/>
        <source>存在系統鑰匙圈</source>
        <translation>Save in the system keyring</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="82"/>
        <source>需要安裝 keyring 套件</source>
        <translation>The keyring package is not installed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="83"/>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="123"/>
        <source>端點</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="84"/>
        <source>帳號</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="85"/>
        <source>密碼</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="91"/>
        <source>推送</source>
        <translation>Push</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="97"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="105"/>
        <source>xAPI 識別設定</source>
        <translation>xAPI identifiers</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="110"/>
        <source>帳號 homePage</source>
        <translation>Account homePage</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="114"/>
        <source>儲存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="123"/>
        <source>已確認</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="123"/>
        <source>最後一次</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="124"/>
        <source>LRS 已送達紀錄</source>
        <translation>LRS outbox</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="127"/>
        <source>已送達的紀錄</source>
        <translation>Acknowledged so far</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="152"/>
        <source>沒有儲存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="155"/>
        <source>已儲存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="180"/>
        <source>正在推送…</source>
        <translation>Pushing…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="186"/>
        <source>已送出 %n 筆</source>
        <translation>
            <numerusform>Sent %n statement</numerusform>
            <numerusform>Sent %n statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="187"/>
        <source>（%n 批），</source>
        <translation>
            <numerusform> in %n batch; </numerusform>
            <numerusform> in %n batches; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="188"/>
        <source>%n 筆先前已送達。</source>
        <translation>
            <numerusform>%n was already there.</numerusform>
            <numerusform>%n were already there.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="195"/>
        <source>推送失敗</source>
        <translation>Push failed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/lrs_page.py" line="198"/>
        <source>已送達並記錄 %n 筆。</source>
        <translation>
            <numerusform>%n statement was acknowledged and kept.</numerusform>
            <numerusform>%n statements were acknowledged and kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="26"/>
        <source>教師專區</source>
        <translation>Instructor area</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="41"/>
        <source>第一次使用教師專區：請設定教師 PIN（{lo}–{hi} 個字元）。
共用這台電腦的學習者沒有 PIN 就無法開啟教師專區。</source>
        <translation>First use of the instructor area: choose an instructor PIN ({lo}–{hi} characters).
Learners sharing this computer cannot open the instructor area without it.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="45"/>
        <source>請輸入教師 PIN。</source>
        <translation>Enter the instructor PIN.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="48"/>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="49"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="50"/>
        <source>再輸入一次 PIN</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="52"/>
        <source>再輸入一次</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="75"/>
        <source>請輸入 PIN。</source>
        <translation>Enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="77"/>
        <source>PIN 需要 {lo}–{hi} 個字元，前後不可有空白。</source>
        <translation>The PIN needs {lo}–{hi} characters, with no spaces at either end.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="81"/>
        <source>兩次輸入的 PIN 不一樣。</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="113"/>
        <source>無法設定 PIN：{m}</source>
        <translation>Cannot set the PIN: {m}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="119"/>
        <source>已設定教師 PIN。請記住它。</source>
        <translation>The PIN is set; keep it safe.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/pin_dialog.py" line="127"/>
        <source>PIN 不正確，無法開啟教師專區。</source>
        <translation>Wrong PIN: the instructor area stays locked.</translation>
    </message>
</context>
<context>
    <name>PortfoliosPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="35"/>
        <source>選擇資料夾</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="50"/>
        <source>全班作品集</source>
        <translation>Portfolios for the class</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="54"/>
        <source>每位學習者一個 PDF（評量證據作品集），檔名：班級-學號-姓名-portfolio.pdf。</source>
        <translation>One PDF (assessment portfolio) per learner, named &lt;class&gt;-&lt;no&gt;-&lt;name&gt;-portfolio.pdf.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="62"/>
        <source>產生作品集…</source>
        <translation>Write portfolios…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="66"/>
        <source>班級摘要 PDF…</source>
        <translation>Class summary PDF…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="71"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="78"/>
        <source>已產生的檔案</source>
        <translation>Files written</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="103"/>
        <source>正在產生到 {folder}…</source>
        <translation>Writing into {folder}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="113"/>
        <source>已取消：%n 份作品集 → {folder}</source>
        <translation>
            <numerusform>Cancelled: %n portfolio → {folder}</numerusform>
            <numerusform>Cancelled: %n portfolios → {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="115"/>
        <source>完成：%n 份作品集 → {folder}</source>
        <translation>
            <numerusform>Done: %n portfolio → {folder}</numerusform>
            <numerusform>Done: %n portfolios → {folder}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="119"/>
        <source>已寫入：{path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="122"/>
        <source>沒有完成：{reason}</source>
        <translation>Not finished: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/portfolios_page.py" line="137"/>
        <source>正在產生班級摘要…</source>
        <translation>Writing the class summary…</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../trainer/ui/instructor/prompts.py" line="14"/>
        <source>資料夾 (*)</source>
        <translation>Folder (*)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/prompts.py" line="25"/>
        <source>選擇學習紀錄檔</source>
        <translation>Choose learner logs</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/prompts.py" line="27"/>
        <source>學習紀錄 (*.db *.sqlite *.sqlite3);;所有檔案 (*)</source>
        <translation>Learner logs (*.db *.sqlite *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/prompts.py" line="35"/>
        <source>匯出到資料夾</source>
        <translation>Export to a folder</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/prompts.py" line="37"/>
        <source>匯出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="52"/>
        <source>總分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="66"/>
        <source>分數：原始與教師調整</source>
        <translation>Scores: original and adjusted</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="68"/>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="83"/>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="68"/>
        <source>原始</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="68"/>
        <source>調整後</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="68"/>
        <source>分數</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="72"/>
        <source>教師評語</source>
        <translation>Instructor comments</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="75"/>
        <source>教師評語紀錄</source>
        <translation>Instructor comments so far</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="76"/>
        <source>尚無評語</source>
        <translation>No comments yet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="82"/>
        <source>調整項目</source>
        <translation>Item to adjust</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="86"/>
        <source>不調整</source>
        <translation>no change</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="88"/>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="89"/>
        <source>調整後分數</source>
        <translation>Adjusted score</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="91"/>
        <source>教師姓名（可不填）</source>
        <translation>Instructor&apos;s name (optional)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="92"/>
        <source>教師姓名</source>
        <translation>Instructor&apos;s name</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="93"/>
        <source>教師</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="96"/>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="97"/>
        <source>評語</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/review_panel.py" line="103"/>
        <source>新增評語／調整</source>
        <translation>Add review</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="29"/>
        <source>學習者畫面</source>
        <translation>Learner screen</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="30"/>
        <source>讓學習者看到顧客情緒量表</source>
        <translation>Show the customer&apos;s mood meter to learners</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="34"/>
        <source>下一次開始或繼續作答時生效。</source>
        <translation>Applies from the next case started or resumed.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="38"/>
        <source>變更教師 PIN</source>
        <translation>Change the instructor PIN</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="43"/>
        <source>目前的 PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="44"/>
        <source>新的 PIN（{lo}–{hi} 個字元）</source>
        <translation>New PIN ({lo}–{hi} characters)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="45"/>
        <source>再輸入一次新的 PIN</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="51"/>
        <source>變更 PIN</source>
        <translation>Change the PIN</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="73"/>
        <source>兩次輸入的新 PIN 不一樣。</source>
        <translation>The two new PINs differ.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="78"/>
        <source>PIN 沒有變更：{reason}</source>
        <translation>PIN not changed: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/settings_page.py" line="80"/>
        <source>已變更 PIN。</source>
        <translation>The PIN was changed.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="63"/>
        <source>學習者的分數趨勢</source>
        <translation>Learner&apos;s score trend</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/instructor/dashboard_page.py" line="109"/>
        <source>━ 總分</source>
        <translation>━ total</translation>
    </message>
</context>
</TS>
