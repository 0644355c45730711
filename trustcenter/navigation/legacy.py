"""The legacy site's header and footer (../shared/seeds/legacy-theme/TrustCenterPage*.liquid),
in English and Chinese, side by side: what ``setup_demo`` fills in.

Taken as the legacy layouts have them, except: the header menu links only the pages this site
has (the legacy menu led to sections it doesn't import); the Azure "Solutions" link loses the
legacy's doubled ``https:https://``; the "Office 365 Service Health Dashboard" link is left out
(it led to a legacy page, ``cloudservices/office-365.html``, this site doesn't have); and the
MIIT record is linked at its current address (the legacy's www.miibeian.gov.cn now redirects
there), both records over https.
"""

SITE_NAME = {"en": "Trust Center", "zh-hans": "信任中心"}

# Text by language, and the path below that language's home.
MENU = [
    ({"en": "Home", "zh-hans": "主页"}, ""),
    ({"en": "FAQ", "zh-hans": "常见问题"}, "faq/"),
]

# Heading by language, then each link's text by language and its URL (the same in both).
FOOTER_COLUMNS = [
    (
        {"en": "Azure", "zh-hans": "Azure"},
        [
            (
                {"en": "Solutions", "zh-hans": "解决方案"},
                "https://www.azure.cn/solutions/virtual-machines/",
            ),
            (
                {"en": "Products", "zh-hans": "产品"},
                "https://www.azure.cn/home/features/virtual-machines/",
            ),
            ({"en": "Price", "zh-hans": "价格"}, "https://www.azure.cn/pricing/overview/"),
            (
                {"en": "Case Studies", "zh-hans": "案例库"},
                "https://www.azure.cn/partnerancasestudy/case-studies/",
            ),
            (
                {"en": "Documentations", "zh-hans": "技术文档"},
                "https://www.azure.cn/documentation/",
            ),
            ({"en": "Downloads", "zh-hans": "工具下载"}, "https://www.azure.cn/downloads"),
        ],
    ),
    (
        {"en": "Office 365", "zh-hans": "Office 365"},
        [
            (
                {"en": "Business Plan", "zh-hans": "商业计划"},
                "http://www.21vbluecloud.com/office365/pricing.html",
            ),
            (
                {"en": "Support", "zh-hans": "支持"},
                "http://www.21vbluecloud.com/office365/support/index.html",
            ),
            (
                {"en": "Case Studies", "zh-hans": "成功案例"},
                "http://www.21vbluecloud.com/office365/CaseStudy.html",
            ),
            (
                {"en": "Resources", "zh-hans": "资源中心"},
                "https://www.microsoft.com/china/office365/help.html",
            ),
            (
                {"en": "Cloud Solutions", "zh-hans": "云应用"},
                "http://www.21vbluecloud.com/solutions/overview/",
            ),
            (
                {"en": "Product Updates", "zh-hans": "产品更新"},
                "http://www.21vbluecloud.com/office365/update.html",
            ),
        ],
    ),
    (
        {"en": "Power BI", "zh-hans": "Power BI"},
        [
            (
                {"en": "Business Plan", "zh-hans": "商业计划"},
                "http://www.21vbluecloud.com/powerbi/pricing/",
            ),
            (
                {"en": "Support", "zh-hans": "支持"},
                "http://www.21vbluecloud.com/powerbi/usersupport.html",
            ),
            (
                {"en": "Legal Information", "zh-hans": "法律信息"},
                "http://www.21vbluecloud.com/powerbi/PI_Landing/",
            ),
            (
                {"en": "Power BI Desktop", "zh-hans": "Power BI 桌面应用"},
                "https://powerbi.microsoft.com/zh-cn/desktop/?cloud=china",
            ),
            (
                {"en": "Power BI Features", "zh-hans": "Power BI 在线应用"},
                "https://powerbi.microsoft.com/zh-cn/features/?cloud=china",
            ),
            (
                {"en": "Power BI Mobile", "zh-hans": "Power BI 移动应用"},
                "https://powerbi.microsoft.com/zh-cn/mobile/?cloud=china#more-store-options",
            ),
        ],
    ),
    (
        {"en": "Support", "zh-hans": "支持"},
        [
            (
                {"en": "Azure Service Health Dashboard", "zh-hans": "Azure 服务仪表盘"},
                "https://www.azure.cn/support/service-dashboard/",
            ),
            (
                {"en": "Azure Legal Information", "zh-hans": "Azure 法律信息"},
                "https://www.azure.cn/support/legal",
            ),
            (
                {"en": "Office 365 Legal Information", "zh-hans": "Office 365 法律信息"},
                "http://www.21vbluecloud.com/office365/LegalDocuments.html",
            ),
            (
                {"en": "Power BI Legal Information", "zh-hans": "Power BI 法律信息"},
                "http://www.21vbluecloud.com/powerbi/PI_Landing/",
            ),
        ],
    ),
]

# The same in every language.
RECORDS = {
    "icp_number": "沪ICP备13015306号-36",
    "icp_url": "https://beian.miit.gov.cn/",
    "public_security_number": "沪公网安备 31011502202224号",
    "public_security_url": (
        "https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=31011502202224"
    ),
}
