<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../trainer/ui/app.py" line="135"/>
        <source>找不到繁體中文字型，中文可能會顯示成方框。{hint}</source>
        <translation>No Traditional Chinese font was found, so Chinese text may show as boxes. {hint}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/app.py" line="164"/>
        <source>發生未預期的錯誤，你的作答進度已儲存。</source>
        <translation>Something unexpected went wrong. Your progress has been saved.</translation>
    </message>
</context>
<context>
    <name>CaseItem</name>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="68"/>
        <source>這個個案只有中文版</source>
        <translation>This case is in Chinese only</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="69"/>
        <source>只有中文版</source>
        <translation>Chinese only</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="74"/>
        <source>難度 </source>
        <translation>Difficulty </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="77"/>
        <source>進行中，可繼續</source>
        <translation>In progress – resume</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="87"/>
        <source>最佳成績</source>
        <translation>Best score</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="87"/>
        <source>尚未完成</source>
        <translation>Not done yet</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <location filename="../../trainer/ui/widgets/conversation.py" line="160"/>
        <source>「{t}」</source>
        <extracomment>(kind, text) of every entry, in order (used by tests and replay checks). The first widget of every row, in order, and the rows of the current turn. Decisions of a resumed attempt not shown yet (behind the &quot;earlier&quot; button).</extracomment>
        <translation>&quot;{t}&quot;</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/conversation.py" line="189"/>
        <source>把整段對話從頭顯示出來</source>
        <translation>Show the whole conversation from the start</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="41"/>
        <source>非語言線索</source>
        <translation>Non-verbal cues</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="48"/>
        <source>顧客情緒</source>
        <translation>Customer mood</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="58"/>
        <source>顧客情緒量表</source>
        <translation>Customer mood meter</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="70"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="74"/>
        <source>常客</source>
        <translation>Regular guest</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="76"/>
        <source>內部顧客</source>
        <translation>Internal customer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="78"/>
        <source>特殊需求</source>
        <translation>Special needs</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="82"/>
        <source>{n} 歲</source>
        <translation>Age {n}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../trainer/ui/dialogs.py" line="26"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/dialogs.py" line="27"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/dialogs.py" line="45"/>
        <source>發生問題</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/dialogs.py" line="51"/>
        <source>詳細資訊已寫入記錄檔 logs/trainer.log。</source>
        <translation>Details were written to the log file logs/trainer.log.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/dialogs.py" line="58"/>
        <source>匯出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/dialogs.py" line="73"/>
        <source>列印反思單</source>
        <translation>Print reflection sheet</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../trainer/ui/fonts.py" line="15"/>
        <source>請安裝「微軟正黑體 Microsoft JhengHei」（Windows 設定 → 時間與語言 → 語言 → 新增中文（台灣））。</source>
        <translation>Install the Microsoft JhengHei font (Windows Settings → Time &amp; language → Language → Add Chinese (Traditional, Taiwan)).</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/fonts.py" line="19"/>
        <source>請在「字體簿」啟用「蘋方-繁 PingFang TC」。</source>
        <translation>Enable the PingFang TC font in Font Book.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/fonts.py" line="20"/>
        <source>請安裝 Noto CJK 字型，例如：sudo apt install fonts-noto-cjk（Fedora：sudo dnf install google-noto-sans-cjk-fonts）。</source>
        <translation>Install the Noto CJK fonts, e.g. sudo apt install fonts-noto-cjk (Fedora: sudo dnf install google-noto-sans-cjk-fonts).</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../trainer/ui/widgets/common.py" line="172"/>
        <source>送出這份表單（Ctrl+Enter）</source>
        <translation>Submit this form (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="26"/>
        <source>進行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="27"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="28"/>
        <source>已放棄</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="31"/>
        <source>練習</source>
        <translation>Practice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="32"/>
        <source>評量</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="51"/>
        <source>← 個案庫</source>
        <translation>← Case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="52"/>
        <location filename="../../trainer/ui/pages/history.py" line="54"/>
        <source>回到個案庫</source>
        <translation>Back to the case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="57"/>
        <source>學習歷程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="59"/>
        <source>匯出評量證據作品集 PDF…</source>
        <translation>Export evidence portfolio PDF…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="61"/>
        <source>把所有完成的作答與各指標分數存成一份 PDF</source>
        <translation>Save every finished attempt and its scores per indicator as one PDF</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="63"/>
        <source>匯出評量證據作品集 PDF</source>
        <translation>Export evidence portfolio PDF</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="69"/>
        <source>各指標成績趨勢（已完成的作答，由舊到新）</source>
        <translation>Score trend per indicator (completed attempts, oldest to newest)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="72"/>
        <source>各指標成績趨勢圖</source>
        <translation>Score trend chart per indicator</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="75"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="75"/>
        <source>個案</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="75"/>
        <source>模式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="75"/>
        <source>狀態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="79"/>
        <source>總分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="82"/>
        <source>每一列是一次作答；方向鍵選擇，Enter 開啟反思單</source>
        <translation>One row per attempt; arrow keys select, Enter opens the reflection sheet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="85"/>
        <source>作答紀錄</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="103"/>
        <source>還沒有作答紀錄。</source>
        <translation>No attempts yet.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="105"/>
        <source>重播</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="106"/>
        <source>一步一步重看選取的作答（唯讀）</source>
        <translation>Watch the selected attempt again step by step (read-only)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="107"/>
        <source>繼續作答</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="108"/>
        <source>從中斷的地方繼續選取的作答</source>
        <translation>Continue the selected attempt where it stopped</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="109"/>
        <source>開啟反思單  ⏎</source>
        <translation>Open reflection sheet  ⏎</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="110"/>
        <source>開啟選取作答的反思單</source>
        <translation>Open the reflection sheet of the selected attempt</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="133"/>
        <source>模式：</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="135"/>
        <source>練習（立即回饋與提示）</source>
        <translation>Practice (instant feedback and hints)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="136"/>
        <source>每個選擇後立即看到教練回饋</source>
        <translation>See the coach feedback right after each choice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="137"/>
        <source>評量（計時，結束後才看回饋）</source>
        <translation>Assessment (timed, feedback at the end)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="138"/>
        <source>計時作答，結束後在反思單上看回饋</source>
        <translation>Timed; the feedback comes on the reflection sheet at the end</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="151"/>
        <source>輸入標題中的字，清單會只顯示符合的個案</source>
        <translation>Type words from a title to show only the matching cases</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="152"/>
        <source>搜尋個案標題（Ctrl+F）</source>
        <translation>Search case titles (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="153"/>
        <source>搜尋個案標題</source>
        <translation>Search case titles</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="158"/>
        <source>所有場域</source>
        <translation>All settings</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="158"/>
        <source>場域篩選</source>
        <translation>Filter by setting</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="161"/>
        <source>所有投訴類型</source>
        <translation>All complaint types</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="161"/>
        <source>投訴類型篩選</source>
        <translation>Filter by complaint type</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="164"/>
        <source>所有難度</source>
        <translation>All difficulties</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="165"/>
        <source>難度 1</source>
        <translation>Difficulty 1</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="165"/>
        <source>難度 2</source>
        <translation>Difficulty 2</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="165"/>
        <source>難度 3</source>
        <translation>Difficulty 3</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="166"/>
        <source>難度篩選</source>
        <translation>Filter by difficulty</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="169"/>
        <source>全部</source>
        <translation>Done or not</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="170"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="170"/>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="171"/>
        <source>完成狀態篩選</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="174"/>
        <source>所有語言</source>
        <translation>All languages</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="175"/>
        <source>有英文版</source>
        <translation>In English</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="175"/>
        <source>只有中文版</source>
        <translation>Chinese only</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="176"/>
        <source>語言篩選</source>
        <translation>Language filter</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="188"/>
        <source>個案清單</source>
        <translation>Case list</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="195"/>
        <source>方向鍵選擇個案，Enter 或按兩下開始</source>
        <translation>Arrow keys pick a case; Enter or a double-click starts it</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="202"/>
        <source>開始這個個案  ⏎</source>
        <translation>Start this case  ⏎</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="203"/>
        <source>用選取的模式開始選取的個案</source>
        <translation>Start the selected case in the selected mode</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="205"/>
        <source>開始選取的個案</source>
        <translation>Start the selected case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="247"/>
        <source>{name}，選一個個案開始練習</source>
        <translation>{name}, pick a case to start</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="276"/>
        <source>無法使用的個案檔（請通知老師）：</source>
        <translation>Case files that cannot be used (please tell your instructor):</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="338"/>
        <source>顯示 {n} / {total} 個個案</source>
        <translation>Cases shown: {n} of {total}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="289"/>
        <source>繳交我的學習紀錄…</source>
        <translation>Hand in my log…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="290"/>
        <source>開啟我的資料夾</source>
        <translation>Open my data folder</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="98"/>
        <source>顧客投訴處理訓練 Complaint Trainer</source>
        <translation>Complaint Handling Trainer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="128"/>
        <source>顧客投訴處理訓練</source>
        <translation>Complaint Handling Trainer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="130"/>
        <source>iCAP TRM3R0182v2 · 三、解決顧客投訴</source>
        <translation>iCAP TRM3R0182v2 · III. Resolve customer complaints</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="134"/>
        <location filename="../../trainer/ui/main_window.py" line="294"/>
        <source>個案庫</source>
        <translation>Case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="135"/>
        <source>前往個案庫（Ctrl+L）</source>
        <translation>Go to the case library (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="136"/>
        <location filename="../../trainer/ui/main_window.py" line="295"/>
        <source>學習歷程</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="137"/>
        <source>前往學習歷程（Ctrl+H）</source>
        <translation>Go to your history (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="139"/>
        <source>換另一位學習者（Ctrl+Shift+L）</source>
        <translation>Switch to another learner (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="143"/>
        <location filename="../../trainer/ui/main_window.py" line="281"/>
        <source>切換學習者</source>
        <translation>Switch learner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="161"/>
        <source>正在載入個案庫…</source>
        <translation>Loading the case library…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="280"/>
        <source>檔案(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="283"/>
        <source>匯出反思單 PDF…</source>
        <translation>Export reflection sheet PDF…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="284"/>
        <source>列印反思單…</source>
        <translation>Print reflection sheet…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="286"/>
        <source>匯出評量證據作品集 PDF…</source>
        <translation>Export evidence portfolio PDF…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="292"/>
        <source>結束</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="293"/>
        <source>前往(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="296"/>
        <source>搜尋個案</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="301"/>
        <source>檢視(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="302"/>
        <source>放大文字</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="303"/>
        <source>縮小文字</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="304"/>
        <source>還原文字大小</source>
        <translation>Reset text size</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="315"/>
        <source>教師(&amp;T)</source>
        <translation>&amp;Instructor</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="317"/>
        <location filename="../../trainer/ui/main_window.py" line="700"/>
        <source>教師專區 Instructor area</source>
        <translation>Instructor area</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="319"/>
        <source>說明(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="320"/>
        <location filename="../../trainer/ui/main_window.py" line="710"/>
        <source>鍵盤快捷鍵</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="332"/>
        <source>無法開啟學習紀錄資料庫。
{m}</source>
        <translation>Cannot open the learning records database.
{m}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="335"/>
        <source>無法開啟學習紀錄資料庫，請通知老師。
（{m}）</source>
        <translation>Cannot open the learning records database. Please tell your instructor.
({m})</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="349"/>
        <source>學習紀錄資料庫</source>
        <translation>Learning records database</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="367"/>
        <source>操作沒有完成：{m}</source>
        <translation>That did not work: {m}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="394"/>
        <location filename="../../trainer/ui/main_window.py" line="662"/>
        <source>{name} · 切換</source>
        <translation>{name} · Switch</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="403"/>
        <source>你上次的「{title}」還沒完成，要從中斷的地方繼續嗎？</source>
        <translation>You have not finished “{title}” yet. Continue where you left off?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="406"/>
        <source>繼續上次的作答</source>
        <translation>Continue your last attempt</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="485"/>
        <source>這個個案已不在個案庫中。</source>
        <translation>This case is no longer in the case library.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="516"/>
        <source>已重新開始；上一次作答保留在學習歷程中。</source>
        <translation>Restarted. The previous attempt stays in your history.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="567"/>
        <location filename="../../trainer/ui/main_window.py" line="573"/>
        <source>請先開啟一張反思單。</source>
        <translation>Open a reflection sheet first.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="587"/>
        <source>已匯出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="587"/>
        <source>作品集已存成 PDF：
{p}</source>
        <translation>The portfolio was saved as a PDF:
{p}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="712"/>
        <source>作答時
1–9：選擇該號碼的選項（在文字框內除外）
↑ / ↓：上一個 / 下一個選項&#x3000;Enter：送出選擇
PgUp / PgDn：捲動對話
Ctrl+Enter：提交報告或反思&#x3000;Tab：移到下一個欄位
重播時 ← / →：上一步 / 下一步
個案庫
方向鍵：在個案之間移動&#x3000;Enter 或按兩下：開始個案&#x3000;Ctrl+F：搜尋個案
全部頁面
Ctrl+L：個案庫&#x3000;Ctrl+H：學習歷程&#x3000;Ctrl+Shift+L：切換學習者
Ctrl+E：匯出反思單 PDF&#x3000;Ctrl+Shift+E：匯出作品集 PDF&#x3000;Ctrl+P：列印
Ctrl+= / Ctrl+- / Ctrl+0：放大 / 縮小 / 還原文字
Ctrl+Shift+I：教師專區&#x3000;Ctrl+Q：結束&#x3000;F1：這份清單</source>
        <translation>During a case
1-9: choose the option with that number (not inside a text box)
Up / Down: previous / next option   Enter: send the choice
PgUp / PgDn: scroll the conversation
Ctrl+Enter: submit the report or reflection   Tab: next field
In a replay, Left / Right: previous / next step
Case library
Arrow keys: move between cases   Enter or double-click: start the case   Ctrl+F: search cases
Everywhere
Ctrl+L: case library   Ctrl+H: history   Ctrl+Shift+L: switch learner
Ctrl+E: export the sheet as PDF   Ctrl+Shift+E: export the portfolio as PDF   Ctrl+P: print
Ctrl+= / Ctrl+- / Ctrl+0: larger / smaller / normal text
Ctrl+Shift+I: instructor area   Ctrl+Q: quit   F1: this list</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="307"/>
        <source>語言 Language</source>
        <translation>Language 語言</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="701"/>
        <source>這台電腦尚未安裝教師專區。
The instructor area is not installed.</source>
        <translation>The instructor area is not installed on this computer.
這台電腦尚未安裝教師專區。</translation>
    </message>
</context>
<context>
    <name>Notebook</name>
    <message>
        <location filename="../../trainer/ui/widgets/notebook.py" line="27"/>
        <source>筆記本：已發現的事實</source>
        <translation>Notebook: facts found</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/notebook.py" line="35"/>
        <source>還沒有發現。先用提問了解狀況。</source>
        <translation>Nothing yet. Start by asking questions.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/notebook.py" line="61"/>
        <source>{n} 項</source>
        <translation>{n} found</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="113"/>
        <source>已經問過</source>
        <extracomment>The row&apos;s number (its key 1–9); 0 numbers the row by its position. Chosen earlier in this step: shown in place, ticked, not selectable.</extracomment>
        <translation>Already asked</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="117"/>
        <source>按 {n} 選擇，Enter 送出</source>
        <translation>Press {n} to choose, Enter to send</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="121"/>
        <source>按 Enter 送出</source>
        <translation>Press Enter to send</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="158"/>
        <source>用自己的話補充所選的回應，會記在紀錄中</source>
        <translation>Add your own words to the chosen reply; they are logged</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="160"/>
        <source>用自己的話補充（選填，老師看得到）</source>
        <translation>Add your own words (optional, your instructor can see them)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="161"/>
        <source>自己的說法</source>
        <translation>Your own words</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="164"/>
        <source>送出  ⏎</source>
        <translation>Send  ⏎</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="165"/>
        <source>送出選取的選項</source>
        <translation>Send the selected option</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="167"/>
        <source>送出選擇</source>
        <translation>Send your choice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="168"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>PlayPage</name>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="67"/>
        <source>選一個問題問顧客。可以多問幾題，問清楚了再結束提問。</source>
        <translation>Pick a question to ask the customer. Ask as many as you need, then end questioning.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="70"/>
        <source>用自己的話向顧客確認問題（換句話說），看看你理解得對不對。</source>
        <translation>Check the problem with the customer in your own words (paraphrase) to see if you understood it.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="73"/>
        <source>選擇你接下來的回應方式與語氣。</source>
        <translation>Choose how you respond next, and your tone.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="74"/>
        <source>採取行動或提出方案：詢問顧客想要什麼、聯絡同事或合作廠商、請示主管、提出補償⋯</source>
        <translation>Act or offer a solution: ask what the customer wants, contact colleagues or partners, ask a manager, offer compensation…</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="77"/>
        <source>問題處理後，怎麼對顧客做後續回饋？</source>
        <translation>Now the problem is handled, how do you follow up with the customer?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="78"/>
        <source>投訴已升級給主管。你還能怎麼對顧客做後續回饋？</source>
        <translation>The complaint has gone to a manager. How can you still follow up with the customer?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="81"/>
        <source>顧客沒有接受任何方案就離開了。你還能怎麼做後續回饋？</source>
        <translation>The customer left without accepting any offer. How can you still follow up?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="88"/>
        <source>顧客的情緒失控，要求找主管。</source>
        <extracomment>Why the customer escalated (SessionState.escalation_reason) and what happens now.</extracomment>
        <translation>The customer lost their temper and asked for a manager.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="89"/>
        <source>處理拖得太久，顧客失去耐心，要求找主管。</source>
        <translation>This took too long: the customer ran out of patience and asked for a manager.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="90"/>
        <source>幾次不當的回應讓顧客不再信任你，要求找主管。</source>
        <translation>After several poor replies the customer no longer trusts you and asked for a manager.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="91"/>
        <source>你把這件投訴轉交給主管處理。</source>
        <translation>You handed the complaint over to a manager.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="93"/>
        <source>投訴已升級：主管接手處理，沒做的步驟會標示為略過。接下來是 3.4 回饋與 3.5 反思。</source>
        <translation>Escalated: a manager takes over and the steps not played are marked as skipped. Next: 3.4 Feedback and 3.5 Reflecting.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="161"/>
        <source>← 個案庫</source>
        <extracomment>Decisions of a resumed attempt shown as bubbles at once (the rest on request). Default pane proportions: conversation, actions, side column. &quot;Restart this case&quot; for the attempt id (confirmed by the learner). &quot;Try again from here&quot;: (attempt id, decisions to replay) from a replay. The pane sizes after the learner moved a splitter handle. Steps the attempt has been in, and the step in which it escalated.</extracomment>
        <translation>← Case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="163"/>
        <source>回到個案庫</source>
        <translation>Back to the case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="164"/>
        <source>進度已自動儲存，可以之後再繼續</source>
        <translation>Your progress is saved; you can continue later</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="169"/>
        <source>重新開始</source>
        <translation>Restart</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="171"/>
        <location filename="../../trainer/ui/pages/play.py" line="780"/>
        <source>重新開始這個個案</source>
        <translation>Restart this case</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="173"/>
        <source>這次作答會保留在紀錄中，標示為放棄，再從頭開始</source>
        <translation>This attempt stays in the log, marked abandoned, and the case starts again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="216"/>
        <source>投訴升級</source>
        <translation>Complaint escalated</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="268"/>
        <source>◀ 上一步  ←</source>
        <translation>◀ Previous  ←</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="269"/>
        <source>重播退回上一個決定</source>
        <translation>Go back one decision in the replay</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="270"/>
        <source>重播上一步</source>
        <translation>Replay the previous step</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="272"/>
        <source>下一步 ▶  →</source>
        <translation>Next ▶  →</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="273"/>
        <source>重播前進到下一個決定</source>
        <translation>Go forward one decision in the replay</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="275"/>
        <source>重播下一步</source>
        <translation>Replay the next step</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="277"/>
        <source>從這裡再試一次</source>
        <translation>Try again from here</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="278"/>
        <source>從這一步再試一次</source>
        <translation>Try again from this decision</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="280"/>
        <source>開始新的練習，前面的選擇照舊，從下一個決定開始重新選</source>
        <translation>Starts a new practice attempt with the earlier choices kept; you choose again from the next decision</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="286"/>
        <source>重播（唯讀）</source>
        <translation>Replay (read-only)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="352"/>
        <source>評量模式</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="352"/>
        <source>練習模式</source>
        <translation>Practice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="394"/>
        <source>← 個案庫（進度已自動儲存）</source>
        <translation>← Case library (progress saved)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="433"/>
        <source>顯示較早的對話（{n} 個決定）</source>
        <translation>Show the earlier conversation (decisions: {n})</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="448"/>
        <source>前 {n} 個決定照原樣重播，從這裡重新選擇。</source>
        <translation>Decisions up to no. {n} were replayed as they were: choose anew from here.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="450"/>
        <source>已從上次中斷的地方繼續。</source>
        <translation>Resumed where you left off.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="478"/>
        <source>← 返回歷程</source>
        <translation>← Back to history</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="511"/>
        <source>第 {n} / {total} 步</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="781"/>
        <source>要重新開始嗎？這次作答會保留在學習紀錄中，標示為「放棄」。</source>
        <translation>Restart? This attempt stays in your learning log, marked &quot;abandoned&quot;.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="592"/>
        <source>問夠了，結束提問 → 進入 3.2 釐清</source>
        <translation>I know enough – end questioning → 3.2 Clarifying</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="654"/>
        <source>電腦的磁碟空間不足，這一步沒有存下來。
請清出一些空間（或請老師協助）後再按一次；之前的作答都還在。</source>
        <translation>The computer&apos;s disk is full, so this step was not saved.
Free some space (or ask your teacher for help), then try again. Your earlier answers are all still there.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="658"/>
        <source>這個動作沒有成功，請再試一次。</source>
        <translation>That did not work. Please try again.</translation>
    </message>
</context>
<context>
    <name>PlayRender</name>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="31"/>
        <source>很好的選擇</source>
        <translation>Great choice</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="32"/>
        <source>不錯</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="33"/>
        <source>還可以更好</source>
        <translation>Could be better</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="34"/>
        <source>這一步有風險</source>
        <translation>Risky move</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="51"/>
        <source>你的角色：</source>
        <translation>Your role: </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="59"/>
        <source>+{n} 分鐘</source>
        <translation>+{n} min</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="61"/>
        <source>成本 NT${n:,}</source>
        <translation>Cost NT${n:,}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="87"/>
        <source>你</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="94"/>
        <source>記到筆記本：</source>
        <translation>Noted: </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="99"/>
        <source>主管授權：你的權限提高到 NT${n:,}</source>
        <translation>Manager approval: your authority is now NT${n:,}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="106"/>
        <source>教練回饋</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="114"/>
        <source>已超過目標處理時間，顧客更不耐煩了。</source>
        <translation>You are past the target handling time; the customer is getting impatient.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="120"/>
        <source>投訴升級：</source>
        <translation>Complaint escalated: </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="125"/>
        <source>顧客拒絕了這個方案。</source>
        <translation>The customer turned down this offer.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="134"/>
        <source>結果：</source>
        <translation>Outcome: </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="147"/>
        <source>已提交內部回饋報告。</source>
        <translation>Internal feedback report submitted.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play_render.py" line="150"/>
        <source>完成！正在產生反思單。</source>
        <translation>Done! Preparing your reflection sheet.</translation>
    </message>
</context>
<context>
    <name>PoliciesCard</name>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="212"/>
        <source>公司政策</source>
        <translation>Company policies</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="118"/>
        <source>交易金額</source>
        <translation>Sale value</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="119"/>
        <source>個人權限</source>
        <translation>Your authority</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="120"/>
        <source>目前補償成本</source>
        <translation>Compensation so far</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="121"/>
        <source>處理時間（模擬）</source>
        <translation>Handling time (simulated)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="160"/>
        <source>毛利 {m}（{p}%）</source>
        <translation>Margin {m} ({p}%)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="170"/>
        <source>主管已授權提高</source>
        <translation>Raised by manager</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="170"/>
        <source>超過需請示主管</source>
        <translation>More: ask a manager</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="175"/>
        <source>超過個人權限！</source>
        <translation>Over your limit!</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="177"/>
        <source>權限內，剩 {m}</source>
        <translation>{m} left</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="191"/>
        <source>剩 {n} 分鐘</source>
        <translation>{n} min left</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="193"/>
        <source>超時 {n} 分鐘</source>
        <translation>{n} min over</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="197"/>
        <source>{n} 分鐘</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="200"/>
        <source>目標 {t} 分鐘內解決</source>
        <translation>Target: {t} min</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="84"/>
        <source>這是老師的班級資料夾：合併進來的學習者只在教師專區顯示（需要 PIN）。</source>
        <translation>This is a teacher&apos;s class folder: merged learners are shown only in the instructor area (PIN needed).</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="53"/>
        <source>歡迎！今天是誰要練習？</source>
        <translation>Welcome! Who is practising today?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="57"/>
        <source>選擇你的學習檔案，或建立一個新的。同一台電腦可以有很多位同學，不需要密碼。</source>
        <translation>Pick your learner profile or create a new one. Many students can share this computer; no password needed.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="66"/>
        <source>學習檔案</source>
        <translation>Learner profiles</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="68"/>
        <source>輸入名字、學號或班級，篩選下方的學習者</source>
        <translation>Type a name, student number or class to filter the learners below</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="69"/>
        <source>搜尋姓名、班級或學號</source>
        <translation>Search by name, class or student no.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="70"/>
        <source>搜尋學習檔案</source>
        <translation>Search learner profiles</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="76"/>
        <source>方向鍵選擇學習者，Enter 開始</source>
        <translation>Arrow keys select a learner; Enter starts</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="78"/>
        <source>學習檔案清單</source>
        <translation>Learner profile list</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="81"/>
        <source>還沒有學習檔案，請在右邊建立一個。</source>
        <translation>No learner profiles yet. Create one on the right.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="89"/>
        <source>以這個檔案開始  ⏎</source>
        <translation>Start with this profile  ⏎</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="90"/>
        <source>以選取的學習者身分開始</source>
        <translation>Start as the selected learner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="92"/>
        <source>以選取的學習檔案開始</source>
        <translation>Start with the selected profile</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="98"/>
        <source>建立新的學習檔案</source>
        <translation>Create a new learner profile</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="102"/>
        <source>新學習者的名字（必填）</source>
        <translation>The new learner&apos;s name (required)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="103"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="114"/>
        <source>顯示名稱</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="104"/>
        <source>例如：王小明</source>
        <translation>e.g. Wang Xiaoming</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="107"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="108"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="115"/>
        <source>學號（選填）</source>
        <translation>Student no. (optional)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="111"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="112"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="116"/>
        <source>班級（選填）</source>
        <translation>Class (optional)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="121"/>
        <source>建立並開始</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="122"/>
        <source>建立新的學習者並開始</source>
        <translation>Create the new learner and start</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="124"/>
        <source>建立學習檔案並開始</source>
        <translation>Create the learner profile and start</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="168"/>
        <source>請輸入顯示名稱。</source>
        <translation>Please enter a display name.</translation>
    </message>
</context>
<context>
    <name>ReflectionForm</name>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="43"/>
        <source>反思與自評（3.5）</source>
        <extracomment>Any answer or rating changed (the page saves a draft, debounced).</extracomment>
        <translation>Reflection and self-rating (3.5)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="49"/>
        <source>自評：你覺得自己在每個步驟做得如何？（1 = 需要加強，5 = 非常好）</source>
        <translation>Self-rating: how well did you do at each step? (1 = needs work, 5 = excellent)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="63"/>
        <source>1 = 需要加強，5 = 非常好</source>
        <translation>1 = needs work, 5 = very good</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="66"/>
        <source>{i} 自評 {v} 分</source>
        <translation>{i} self-rating {v}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="74"/>
        <source>完成並查看反思單  Ctrl+⏎</source>
        <translation>Finish and see the reflection sheet  Ctrl+⏎</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="74"/>
        <source>提交反思並查看反思單</source>
        <translation>Submit the reflection and see the reflection sheet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="89"/>
        <source>寫下你的反思；Tab 移到下一題</source>
        <translation>Write your reflection; Tab moves to the next question</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="91"/>
        <source>建議至少 {n} 字</source>
        <translation>Aim for at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="152"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="153"/>
        <source>請為 {ids} 自評。</source>
        <translation>Please rate yourself for {ids}.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="38"/>
        <source>內部回饋報告（3.4）</source>
        <extracomment>Any field changed (the page saves a draft, debounced).</extracomment>
        <translation>Internal feedback report (3.4)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="39"/>
        <source>把這次投訴回報給內部，避免同樣的問題再發生。</source>
        <translation>Report this complaint internally so the same problem does not happen again.</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="40"/>
        <source>1. 根本原因是什麼？</source>
        <translation>1. What was the root cause?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="43"/>
        <source>2. 需要通知誰？</source>
        <translation>2. Who needs to know?</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="46"/>
        <source>3. 預防建議</source>
        <translation>3. Preventive suggestion</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="48"/>
        <source>寫下避免再發生的做法</source>
        <translation>Write how to stop this happening again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="49"/>
        <source>預防建議</source>
        <translation>Preventive suggestion</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="50"/>
        <source>例如：流程要怎麼改、誰要先通知誰</source>
        <translation>e.g. how the process should change, who should tell whom first</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="53"/>
        <source>4. 顧客檔案備註</source>
        <translation>4. Customer profile note</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="55"/>
        <source>寫下下次服務這位顧客要注意的事</source>
        <translation>Write what to remember next time you serve this customer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="56"/>
        <source>顧客檔案備註</source>
        <translation>Customer profile note</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="57"/>
        <source>下次服務這位顧客時需要知道的事</source>
        <translation>What staff should know next time they serve this customer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="61"/>
        <source>提交報告  Ctrl+⏎</source>
        <translation>Submit report  Ctrl+⏎</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="61"/>
        <source>提交內部回饋報告</source>
        <translation>Submit the internal feedback report</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="79"/>
        <source>根本原因（單選）</source>
        <translation>Root cause (choose one)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="86"/>
        <source>需要通知的對象（可複選）</source>
        <translation>Who must be told (choose any)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="151"/>
        <source>請先選擇根本原因。</source>
        <translation>Choose the root cause first.</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="41"/>
        <source>結束提問</source>
        <extracomment>Decision actions other than choosing an option, as the picker names them.</extracomment>
        <translation>Finished questioning</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="42"/>
        <source>提交內部回饋報告</source>
        <translation>Submitted the internal report</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="43"/>
        <source>提交反思與自評</source>
        <translation>Submitted the reflection and self-ratings</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="64"/>
        <source>← 個案庫</source>
        <extracomment>&quot;Try again from here&quot;: (attempt id, decisions replayed before the new choice).</extracomment>
        <translation>← Case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="65"/>
        <location filename="../../trainer/ui/pages/sheet.py" line="67"/>
        <source>回到個案庫</source>
        <translation>Back to the case library</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="72"/>
        <location filename="../../trainer/ui/pages/sheet.py" line="74"/>
        <source>重播這次作答</source>
        <translation>Replay this attempt</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="73"/>
        <source>一步一步重看這次作答（唯讀）</source>
        <translation>Watch this attempt again step by step (read-only)</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="78"/>
        <source>列印…  Ctrl+P</source>
        <translation>Print…  Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="79"/>
        <source>用印表機印出反思單</source>
        <translation>Print the reflection sheet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="80"/>
        <source>列印反思單</source>
        <translation>Print the reflection sheet</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="82"/>
        <source>匯出 PDF…  Ctrl+E</source>
        <translation>Export PDF…  Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="83"/>
        <source>把反思單存成 PDF 檔</source>
        <translation>Save the reflection sheet as a PDF file</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="85"/>
        <source>匯出反思單 PDF</source>
        <translation>Export the reflection sheet as PDF</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="95"/>
        <source>再試一次：從這個決定重新選</source>
        <translation>Try again: choose anew from this decision</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="98"/>
        <source>要重新選擇的決定</source>
        <translation>Decision to choose again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="100"/>
        <source>新的練習會照舊做完前面的決定，從這個決定開始由你重新選</source>
        <translation>A new practice attempt repeats the earlier decisions; from this one on you choose again</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="108"/>
        <source>從這裡再試一次</source>
        <translation>Try again from here</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="109"/>
        <source>從選定的決定再試一次</source>
        <translation>Try again from the chosen decision</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="110"/>
        <source>開始新的練習作答</source>
        <translation>Starts a new practice attempt</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="115"/>
        <source>反思單全文：分數、理由、證據、路徑與反思</source>
        <translation>The whole reflection sheet: scores, reasons, evidence, paths and reflection</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="118"/>
        <source>反思單內容</source>
        <translation>Reflection sheet contents</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="128"/>
        <source>反思單：{title}</source>
        <translation>Reflection sheet: {title}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="151"/>
        <source>第 {n} 個決定：{text}</source>
        <translation>Decision {n}: {text}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="185"/>
        <source>總分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="188"/>
        <source>總分 {n}</source>
        <translation>Total {n}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="201"/>
        <source>自評 </source>
        <translation>Self-rating </translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="235"/>
        <source>無法匯出 PDF：{reason}</source>
        <translation>Could not export the PDF: {reason}</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="240"/>
        <source>已匯出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="240"/>
        <source>反思單已存成 PDF：
{path}</source>
        <translation>The reflection sheet was saved as a PDF:
{path}</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="33"/>
        <source>步驟進度</source>
        <translation>Step progress</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="90"/>
        <source>已完成</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="91"/>
        <source>目前步驟</source>
        <translation>current step</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="92"/>
        <source>尚未開始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="93"/>
        <source>在這一步升級給主管</source>
        <translation>escalated to a manager here</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="94"/>
        <source>因升級而略過</source>
        <translation>skipped because of the escalation</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../trainer/ui/labels.py" line="26"/>
        <source>提問</source>
        <translation>Questioning</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="27"/>
        <source>釐清</source>
        <translation>Clarifying</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="28"/>
        <source>解決</source>
        <translation>Resolving</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="29"/>
        <source>回饋</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="30"/>
        <source>反思</source>
        <translation>Reflecting</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="32"/>
        <source>住宿業者</source>
        <translation>Accommodation</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="33"/>
        <source>景點</source>
        <translation>Attraction</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="34"/>
        <source>汽車出租業者</source>
        <translation>Car rental</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="35"/>
        <source>娛樂場所</source>
        <translation>Entertainment venue</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="36"/>
        <source>活動規劃業者</source>
        <translation>Event planner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="37"/>
        <source>導遊</source>
        <translation>Tour guide</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="38"/>
        <source>餐廳</source>
        <translation>Restaurant</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="39"/>
        <source>旅遊和郵輪業者</source>
        <translation>Tour and cruise operator</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="40"/>
        <source>旅遊批發業者</source>
        <translation>Travel wholesaler</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="41"/>
        <source>交通運輸業者</source>
        <translation>Transport operator</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="43"/>
        <source>產品和服務沒有達到預期</source>
        <translation>Product or service below expectations</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="44"/>
        <source>難處理或要求高的顧客</source>
        <translation>Difficult or demanding customer</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="45"/>
        <source>投訴或糾紛惡化</source>
        <translation>Escalated complaint or dispute</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="46"/>
        <source>標價或報價錯誤</source>
        <translation>Pricing or quoting error</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="47"/>
        <source>其他團隊成員或合作商沒有處理特殊要求</source>
        <translation>Special request missed by a colleague or partner</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="48"/>
        <source>誤會或溝通不良</source>
        <translation>Misunderstanding or miscommunication</translation>
    </message>
    <message>
        <location filename="../../trainer/ui/labels.py" line="49"/>
        <source>服務或產品問題或瑕疵</source>
        <translation>Service or product fault</translation>
    </message>
</context>
</TS>
