<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CreateWorkspaceDialog</name>
    <message>
        <location filename="../../desktop/start_dialog.py" line="105"/>
        <source>新建工作区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="107"/>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="113"/>
        <source>例如：北湖市</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="121"/>
        <source>内置示例手册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="122"/>
        <source>从文件载入（YAML 或 DOCX）…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="124"/>
        <source>工作区文件夹（空文件夹）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="125"/>
        <source>本市名称：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="126"/>
        <source>创建年度：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="127"/>
        <source>测评开始日期：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="128"/>
        <source>操作手册：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="138"/>
        <source>选择一个空文件夹作为工作区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="152"/>
        <source>选择操作手册</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="153"/>
        <source>操作手册 (*.yaml *.yml *.docx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../desktop/dashboard.py" line="100"/>
        <source>工作组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="100"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="100"/>
        <source>材料文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="102"/>
        <source>签字</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="102"/>
        <source>签字时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="102"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="102"/>
        <source>材料包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="111"/>
        <source>双击一个工作组查看它的材料（只读）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="136"/>
        <source>&lt;h3&gt;{0} {1} 年申报材料总览&lt;/h3&gt;&lt;span&gt;操作手册：{2}&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="137"/>
        <source>（未载入）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="156"/>
        <source>没有工作组负责的材料审核条目（{0} 条），请在“工作组”中分配：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="161"/>
        <source>所有材料审核条目都已分配到工作组。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/login_dialog.py" line="32"/>
        <source>登录 — {0}</source>
        <translation>Log in — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="42"/>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="43"/>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="45"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="49"/>
        <source>工作区 {0} 已启用账户，请登录。</source>
        <translation>Workspace {0} has accounts. Please log in.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="72"/>
        <source>请填写用户名。</source>
        <translation>Please enter a user name.</translation>
    </message>
    <message>
        <location filename="../../desktop/login_dialog.py" line="75"/>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="69"/>
        <source>申报材料审核台 — {0}</source>
        <translation>Materials Review — {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="88"/>
        <source>测评条目</source>
        <translation>Manual items</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="89"/>
        <location filename="../../desktop/main_window.py" line="153"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="111"/>
        <source>当前用户：{0}</source>
        <translation>User: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="114"/>
        <source>查看签字状态及签字后的变化</source>
        <translation>Sign-off state and changes since</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="126"/>
        <source>选择要查看或审核的工作组</source>
        <translation>Choose the task group to view or review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="145"/>
        <source>打开其他工作区…</source>
        <translation>Open another workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>扫描文件夹…</source>
        <translation>Scan folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146"/>
        <source>扫描或重新扫描本组材料文件夹</source>
        <translation>Scan or re-scan this group&apos;s materials folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="147"/>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="148"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149"/>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149"/>
        <source>各工作组的进度总览</source>
        <translation>Progress of every task group</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="150"/>
        <source>审核台</source>
        <translation>Review desk</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="151"/>
        <source>当前工作组的审核台</source>
        <translation>Review desk of the current group</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="152"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="154"/>
        <source>上一条</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="155"/>
        <source>上一个测评标准</source>
        <translation>Previous standard</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="156"/>
        <source>下一条</source>
        <translation>Next item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="157"/>
        <source>下一个测评标准</source>
        <translation>Next standard</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="158"/>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="159"/>
        <source>审核通过当前条目并转到下一条</source>
        <translation>Approve the current item and go to the next</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160"/>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="161"/>
        <source>退回当前条目（须写明原因）</source>
        <translation>Return the current item (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162"/>
        <source>下一个问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="163"/>
        <source>在右侧显示当前条目的下一个问题</source>
        <translation>Show the next finding of the current item</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="164"/>
        <source>签字确认…</source>
        <translation>Sign off…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="165"/>
        <source>组长对本组材料签字确认</source>
        <translation>The leader signs off the group&apos;s materials</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="177"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="185"/>
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="188"/>
        <source> 工作组：</source>
        <translation> Group:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="228"/>
        <source>操作正在进行</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="229"/>
        <source>“{0}”还在进行。要取消它并关闭窗口吗？已完成的部分会保存。</source>
        <translation>“{0}” is still running. Cancel it and close the window? Finished work is kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="261"/>
        <source>工作区还没有工作组。请用命令 group add 新建工作组并分配条目。</source>
        <translation>The workspace has no task groups yet. Create one with `group add` and assign items.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="285"/>
        <source>工作区还没有载入操作手册。请用命令 manual load 载入后再刷新。</source>
        <translation>No manual is loaded. Load one with `manual load`, then refresh.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="289"/>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="290"/>
        <source>工作组 {0}（{1}）{2}：{3} 个材料审核条目</source>
        <translation>Group {0} ({1}){2}: {3} items to review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="356"/>
        <source>当前条目没有发现问题。</source>
        <translation>No findings for the current item.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="379"/>
        <source>退回 {0}</source>
        <translation>Return {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="380"/>
        <source>退回原因（材料员会看到，请写明需要补充或修改的内容）：</source>
        <translation>Reason (the clerk will see it; say what to add or change):</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="388"/>
        <source>{0} 已{1}。</source>
        <translation>{0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="402"/>
        <source>豁免问题</source>
        <translation>Waive finding</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="403"/>
        <source>豁免“{0}”的理由（会记录在签字材料中，文明办可见）：</source>
        <translation>Reason for waiving “{0}” (recorded with the sign-off, seen by the office):</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="412"/>
        <source>已豁免：{0}</source>
        <translation>Waived: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="429"/>
        <source>已把 {0} 归到 {1}。</source>
        <translation>Mapped {0} to {1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="438"/>
        <source>归类 {0} 个文件到 {1}</source>
        <translation>Map {0} files to {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="447"/>
        <source>已签字（第 {0} 版）。</source>
        <translation>Signed (version {0}).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="460"/>
        <source>选择工作组 {0} 的材料文件夹</source>
        <translation>Choose the materials folder of group {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="474"/>
        <source>扫描 {0}</source>
        <translation>Scan {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="482"/>
        <source>关于申报材料审核台</source>
        <translation>About Materials Review</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="483"/>
        <source>申报材料审核台：全国文明城市申报材料的整理、检查、审核签字与汇总。
工作区：{0}
日志：{1}</source>
        <translation>Materials Review: collect, check, review, sign off and collate declaration materials.
Workspace: {0}
Log: {1}</translation>
    </message>
</context>
<context>
    <name>ManualTree</name>
    <message>
        <location filename="../../desktop/manual_tree.py" line="223"/>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="235"/>
        <source>测评条目</source>
        <translation>Manual items</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="236"/>
        <source>本组还没有分配测评条目。请文明办在“工作组”中为本组分配测评内容。</source>
        <translation>No items are assigned to this group yet. Ask the office to assign them.</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="240"/>
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>ManualTreeModel</name>
    <message>
        <location filename="../../desktop/manual_tree.py" line="95"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="95"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/manual_tree.py" line="95"/>
        <source>材料</source>
        <translation>Files</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../../desktop/workers.py" line="189"/>
        <location filename="../../desktop/workers.py" line="219"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="217"/>
        <source>准备中…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="233"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/workers.py" line="242"/>
        <source>即将完成</source>
        <translation>Almost done</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../desktop/preview.py" line="200"/>
        <location filename="../../desktop/preview.py" line="279"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="203"/>
        <source>上一页 (PgUp)</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="204"/>
        <source>下一页 (PgDown)</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="210"/>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="212"/>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="213"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="213"/>
        <source>按窗格宽度显示</source>
        <translation>Fit the page to the pane</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="214"/>
        <source>用系统程序打开</source>
        <translation>Open externally</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="214"/>
        <source>用本机默认程序打开此文件</source>
        <translation>Open this file in its default application</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="224"/>
        <location filename="../../desktop/preview.py" line="280"/>
        <source>在中间选择一份材料，或在搜索结果中点一条，即可在此预览。</source>
        <translation>Choose a file in the middle or a search result to preview it here.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="330"/>
        <source>找不到文件 {0}。它可能已被移动或删除；请重新扫描本组材料。</source>
        <translation>File {0} is missing. It may have been moved or deleted; re-scan the group&apos;s materials.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="349"/>
        <source>{0} 格式的文件暂不能在此预览，请点“用系统程序打开”查看。</source>
        <translation>{0} files cannot be previewed here; use “Open externally”.</translation>
    </message>
    <message>
        <location filename="../../desktop/preview.py" line="350"/>
        <source>无扩展名</source>
        <translation>no extension</translation>
    </message>
</context>
<context>
    <name>ReadinessChart</name>
    <message>
        <location filename="../../desktop/dashboard.py" line="51"/>
        <source>各组准备情况（百分比为合格及豁免条目占比）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="61"/>
        <source>还没有工作组。请用命令 group add 新建工作组。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/dashboard.py" line="61"/>
        <source>正在载入…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequirementView</name>
    <message>
        <location filename="../../desktop/requirement_view.py" line="75"/>
        <source>材料</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="75"/>
        <source>格式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="75"/>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="79"/>
        <source>级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="79"/>
        <source>问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="79"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="83"/>
        <source>豁免所选问题…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="84"/>
        <source>组长确认该问题不影响得分时，写明理由后豁免</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="89"/>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="89"/>
        <source>审核人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="89"/>
        <source>结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="89"/>
        <source>意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="130"/>
        <source>&lt;p&gt;在左侧选择一个测评标准，这里会显示它的要求、已归类的材料、发现的问题和审核记录。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="133"/>
        <source>已归类材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="134"/>
        <source>发现的问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="135"/>
        <source>审核记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="153"/>
        <source>审核后有变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="173"/>
        <source>已归类材料：无。请扫描本组材料文件夹，或把文件拖到左侧条目上归类。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="175"/>
        <source>已归类材料（{0} 份）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="179"/>
        <source>{0}（文件已缺失）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="190"/>
        <source>发现的问题：未发现问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="194"/>
        <source>发现的问题（{0} 条，其中必须修改 {1} 条，已豁免 {2} 条；按 F8 逐条查看）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="201"/>
        <source>{0}（已豁免：{1}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="209"/>
        <source>第 {0} 页 · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="218"/>
        <source>审核记录：尚未审核。组长可按 Ctrl+Enter 通过，Ctrl+R 退回。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/requirement_view.py" line="220"/>
        <source>审核记录（{0} 次）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/search_panel.py" line="47"/>
        <source>全部材料</source>
        <translation>All materials</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="47"/>
        <source>本组</source>
        <translation>This group</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="48"/>
        <source>当前条目</source>
        <translation>Current item</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="119"/>
        <source>搜索材料全文（Ctrl+F），例如：背街小巷</source>
        <translation>Search all materials (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="145"/>
        <source>全文搜索尚未就绪：请先扫描材料，建立索引后即可搜索。</source>
        <translation>Search is not ready: scan the materials first.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="155"/>
        <source>正在搜索“{0}”…</source>
        <translation>Searching “{0}”…</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="172"/>
        <source>“{0}”：{1} 份材料，{2} 处。点击结果在右侧预览。</source>
        <translation>“{0}”: {1} files, {2} places. Click a result to preview it.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="173"/>
        <source>没有找到包含“{0}”的材料。请换个说法，或检查范围是否太小。</source>
        <translation>Nothing contains “{0}”. Try other words or a wider scope.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_panel.py" line="183"/>
        <source>第 {0} 页：</source>
        <translation>Page {0}: </translation>
    </message>
</context>
<context>
    <name>SignoffChangesDialog</name>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="128"/>
        <source>签字状态 — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="134"/>
        <source>以下变化使签字失效。请组长重新审核这些条目后再次签字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="138"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="138"/>
        <source>变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="138"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="39"/>
        <source>签字确认 — {0}（{1}）</source>
        <translation>Sign off — {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="44"/>
        <source>签字将记录本组 {0} 个条目全部材料的指纹（SHA-256）。其中 {1} 个已审核通过；其余 {2} 个请逐条写明作为例外的原因，文明办会看到。签字后任何文件变化都会使签字失效。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="49"/>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="49"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="49"/>
        <source>例外原因（未通过的条目必填）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="70"/>
        <source>组长“{0}”的密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="75"/>
        <source>签字</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="98"/>
        <source>请为未通过的条目写明例外原因：{0}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/signoff_dialog.py" line="102"/>
        <source>正在签字…</source>
        <translation>Signing…</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../desktop/start_dialog.py" line="167"/>
        <source>申报材料审核台 — 打开工作区</source>
        <translation>Materials Review — Open a workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="170"/>
        <source>&lt;b&gt;欢迎使用申报材料审核台。&lt;/b&gt;第一次使用？可以先打开示例工作区，看看一个工作组的材料如何检查、审核和签字。</source>
        <translation>&lt;b&gt;Welcome.&lt;/b&gt; First time here? Open the demo workspace to see how a group&apos;s materials are checked, reviewed and signed.</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="178"/>
        <source>{0}（找不到）</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="185"/>
        <source>打开所选</source>
        <translation>Open selected</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="189"/>
        <source>打开文件夹…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="191"/>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="193"/>
        <source>打开示例工作区</source>
        <translation>Open demo workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="204"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="209"/>
        <source>最近打开的工作区：</source>
        <translation>Recent workspaces:</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="209"/>
        <source>还没有打开过工作区。</source>
        <translation>No workspace opened yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="219"/>
        <source>正在打开 {0}…</source>
        <translation>Opening {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="222"/>
        <source>正在新建工作区 {0}…</source>
        <translation>Creating workspace {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="225"/>
        <source>正在准备示例工作区（第一次约需半分钟）…</source>
        <translation>Preparing the demo workspace (about half a minute the first time)…</translation>
    </message>
    <message>
        <location filename="../../desktop/start_dialog.py" line="233"/>
        <source>选择工作区文件夹</source>
        <translation>Choose the workspace folder</translation>
    </message>
</context>
<context>
    <name>UnmappedList</name>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="52"/>
        <source>未归类的文件（{0} 个）：拖到左侧“测评条目”中的某一条即可归类。</source>
        <translation>Unmapped files ({0}): drag one onto an item above to map it.</translation>
    </message>
    <message>
        <location filename="../../desktop/unmapped_list.py" line="53"/>
        <source>本组没有未归类的文件。</source>
        <translation>This group has no unmapped files.</translation>
    </message>
</context>
</TS>
