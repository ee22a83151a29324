<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <location filename="../../trainer/ui/app.py" line="89"/>
        <source>找不到繁體中文字型，中文可能會顯示成方框。{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/app.py" line="117"/>
        <source>發生未預期的錯誤，你的作答進度已儲存。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseItem</name>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="60"/>
        <source>難度 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="62"/>
        <source>進行中，可繼續</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="71"/>
        <source>最佳成績</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="71"/>
        <source>尚未完成</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="36"/>
        <source>非語言線索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="43"/>
        <source>顧客情緒</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="53"/>
        <source>顧客情緒量表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="65"/>
        <source>顧客</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="69"/>
        <source>常客</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="71"/>
        <source>內部顧客</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="73"/>
        <source>特殊需求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/customer_card.py" line="77"/>
        <source>{n} 歲</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="41"/>
        <source>← 個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="43"/>
        <source>回到個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="46"/>
        <source>學習歷程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="48"/>
        <source>匯出評量證據作品集 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="49"/>
        <source>匯出評量證據作品集 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="54"/>
        <source>各指標成績趨勢（已完成的作答，由舊到新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="56"/>
        <source>各指標成績趨勢圖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="59"/>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="59"/>
        <source>個案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="59"/>
        <source>模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="59"/>
        <source>狀態</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="60"/>
        <source>總分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="63"/>
        <source>作答紀錄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="77"/>
        <source>還沒有作答紀錄。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="79"/>
        <source>重播</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="80"/>
        <source>繼續作答</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/history.py" line="81"/>
        <source>開啟反思單  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="90"/>
        <source>模式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="92"/>
        <source>練習（立即回饋與提示）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="93"/>
        <source>評量（計時，結束後才看回饋）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="108"/>
        <source>搜尋個案標題（Ctrl+F）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="109"/>
        <source>搜尋個案標題</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="112"/>
        <source>所有場域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="112"/>
        <source>場域篩選</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="113"/>
        <source>所有投訴類型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="113"/>
        <source>投訴類型篩選</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="115"/>
        <source>所有難度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="115"/>
        <source>難度 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="115"/>
        <source>難度 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="115"/>
        <source>難度 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="116"/>
        <source>難度篩選</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="119"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="119"/>
        <source>已完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="119"/>
        <source>未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="119"/>
        <source>完成狀態篩選</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="128"/>
        <source>個案清單</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="137"/>
        <source>開始這個個案  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="139"/>
        <source>開始選取的個案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="171"/>
        <source>{name}，選一個個案開始練習</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="200"/>
        <source>無法使用的個案檔（請通知老師）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/library.py" line="235"/>
        <source>顯示 {n} / {total} 個個案</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="79"/>
        <source>顧客投訴處理訓練 Complaint Trainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="106"/>
        <source>顧客投訴處理訓練</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="107"/>
        <source>iCAP TRM3R0182v2 · 三、解決顧客投訴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="110"/>
        <location filename="../../trainer/ui/main_window.py" line="181"/>
        <source>個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="111"/>
        <location filename="../../trainer/ui/main_window.py" line="182"/>
        <source>學習歷程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="116"/>
        <location filename="../../trainer/ui/main_window.py" line="173"/>
        <source>切換學習者</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="129"/>
        <source>正在載入個案庫…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="172"/>
        <source>檔案(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="175"/>
        <source>匯出反思單 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="176"/>
        <source>列印反思單…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="177"/>
        <source>匯出評量證據作品集 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="179"/>
        <source>結束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="180"/>
        <source>前往(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="183"/>
        <source>搜尋個案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="184"/>
        <source>檢視(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="185"/>
        <source>放大文字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="186"/>
        <source>縮小文字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="187"/>
        <source>還原文字大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="189"/>
        <source>介面語言：中文（台灣）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="190"/>
        <source>Interface language: English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="191"/>
        <source>教師(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="192"/>
        <location filename="../../trainer/ui/main_window.py" line="399"/>
        <source>教師專區 Instructor area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="193"/>
        <source>說明(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="194"/>
        <location filename="../../trainer/ui/main_window.py" line="409"/>
        <source>鍵盤快捷鍵</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="206"/>
        <source>無法開啟學習紀錄資料庫。
{m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="207"/>
        <source>無法開啟學習紀錄資料庫，請通知老師。
（{m}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="226"/>
        <source>操作沒有完成：{m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="246"/>
        <source>{name} · 切換</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="253"/>
        <source>你上次的「{title}」還沒完成，要從中斷的地方繼續嗎？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="256"/>
        <source>繼續上次的作答</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="313"/>
        <source>這個個案已不在個案庫中。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="350"/>
        <location filename="../../trainer/ui/main_window.py" line="356"/>
        <source>請先開啟一張反思單。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="369"/>
        <source>已匯出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="369"/>
        <source>作品集已存成 PDF：
{p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="391"/>
        <source>語言 Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="392"/>
        <source>重新啟動後會套用新的介面語言。
The new language applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="400"/>
        <source>這台電腦尚未安裝教師專區。
The instructor area is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/main_window.py" line="411"/>
        <source>1–9：選擇選項
Enter：送出選擇
Ctrl+Enter：提交報告或反思
Ctrl+= / Ctrl+-：放大 / 縮小文字
Ctrl+L：個案庫&#x3000;Ctrl+H：學習歷程&#x3000;Ctrl+F：搜尋個案
Ctrl+E：匯出 PDF&#x3000;Ctrl+P：列印
重播時 ← / →：上一步 / 下一步</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notebook</name>
    <message>
        <location filename="../../trainer/ui/widgets/notebook.py" line="26"/>
        <source>筆記本：已發現的事實</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/notebook.py" line="34"/>
        <source>還沒有發現。先用提問了解狀況。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/notebook.py" line="51"/>
        <source>{n} 項</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="109"/>
        <source>用自己的話補充（選填，老師看得到）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="110"/>
        <source>自己的說法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="113"/>
        <source>送出  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="115"/>
        <source>送出選擇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/options.py" line="116"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayPage</name>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="80"/>
        <source>← 個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="82"/>
        <source>回到個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="145"/>
        <source>◀ 上一步  ←</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="146"/>
        <source>重播上一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="148"/>
        <source>下一步 ▶  →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="150"/>
        <source>重播下一步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="153"/>
        <source>重播（唯讀）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="169"/>
        <source>評量模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="169"/>
        <source>練習模式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="186"/>
        <source>← 個案庫（進度已自動儲存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="193"/>
        <source>已從上次中斷的地方繼續。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="201"/>
        <source>← 返回歷程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="219"/>
        <source>第 {n} / {total} 步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="257"/>
        <source>需要先問清楚其他事情。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="261"/>
        <source>問夠了，結束提問 → 進入 3.2 釐清</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/play.py" line="293"/>
        <source>這個動作沒有成功，請再試一次。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoliciesCard</name>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="116"/>
        <source>公司政策</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="52"/>
        <source>交易金額</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="53"/>
        <source>個人權限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="54"/>
        <source>目前補償成本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="55"/>
        <source>處理時間（模擬）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="71"/>
        <source>毛利 {m}（{p}%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="80"/>
        <source>主管已授權提高</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="80"/>
        <source>超過需請示主管</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="85"/>
        <source>超過個人權限！</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="85"/>
        <source>權限內，剩 {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="98"/>
        <source>剩 {n} 分鐘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="98"/>
        <source>超時 {n} 分鐘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="101"/>
        <source>{n} 分鐘</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/policy_panel.py" line="104"/>
        <source>目標 {t} 分鐘內解決</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="52"/>
        <source>歡迎！今天是誰要練習？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="55"/>
        <source>選擇你的學習檔案，或建立一個新的。同一台電腦可以有很多位同學，不需要密碼。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="63"/>
        <source>學習檔案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="65"/>
        <source>搜尋姓名、班級或學號</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="66"/>
        <source>搜尋學習檔案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="73"/>
        <source>學習檔案清單</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="76"/>
        <source>還沒有學習檔案，請在右邊建立一個。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="78"/>
        <source>以這個檔案開始  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="80"/>
        <source>以選取的學習檔案開始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="86"/>
        <source>建立新的學習檔案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="90"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="99"/>
        <source>顯示名稱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="91"/>
        <source>例如：王小明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="94"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="100"/>
        <source>學號（選填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="97"/>
        <location filename="../../trainer/ui/pages/profiles.py" line="101"/>
        <source>班級（選填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="106"/>
        <source>建立並開始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="108"/>
        <source>建立學習檔案並開始</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/profiles.py" line="148"/>
        <source>請輸入顯示名稱。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionForm</name>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="45"/>
        <source>反思與自評（3.5）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="49"/>
        <source>自評：你覺得自己在每個步驟做得如何？（1 = 需要加強，5 = 非常好）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="62"/>
        <source>{i} 自評 {v} 分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="71"/>
        <source>完成並查看反思單  Ctrl+⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="73"/>
        <source>提交反思並查看反思單</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="90"/>
        <source>建議至少 {n} 字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/reflection_form.py" line="112"/>
        <source>請為 {ids} 自評。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="43"/>
        <source>內部回饋報告（3.4）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="45"/>
        <source>把這次投訴回報給內部，避免同樣的問題再發生。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="47"/>
        <source>1. 根本原因是什麼？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="50"/>
        <source>2. 需要通知誰？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="53"/>
        <source>3. 預防建議</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="55"/>
        <source>預防建議</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="56"/>
        <source>例如：流程要怎麼改、誰要先通知誰</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="60"/>
        <source>4. 顧客檔案備註</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="62"/>
        <source>顧客檔案備註</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="63"/>
        <source>下次服務這位顧客時需要知道的事</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="70"/>
        <source>提交報告  Ctrl+⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="72"/>
        <source>提交內部回饋報告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/widgets/report_form.py" line="106"/>
        <source>請先選擇根本原因。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="44"/>
        <source>← 個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="46"/>
        <source>回到個案庫</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="51"/>
        <location filename="../../trainer/ui/pages/sheet.py" line="52"/>
        <source>重播這次作答</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="54"/>
        <source>列印…  Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="55"/>
        <source>列印反思單</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="57"/>
        <source>匯出 PDF…  Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="59"/>
        <source>匯出反思單 PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="70"/>
        <source>反思單內容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="81"/>
        <source>反思單：{title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="95"/>
        <source>總分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="98"/>
        <source>總分 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="111"/>
        <source>自評 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="142"/>
        <source>無法匯出 PDF：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="146"/>
        <source>已匯出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../trainer/ui/pages/sheet.py" line="146"/>
        <source>反思單已存成 PDF：
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../trainer/ui/widgets/step_bar.py" line="31"/>
        <source>步驟進度</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
