import GapReports

/// The portal's stylesheet, served from `/assets/portal.css` so the Content-Security-Policy can forbid inline
/// styles: the GOV.UK Design System's look (type, colours, focus, errors), written for this portal, and the
/// reports' own style.
enum Stylesheet {
    static let css = portal + "\n" + HTMLRenderer.contentStyle

    private static let portal = """
        *,*::before,*::after{box-sizing:border-box}
        html{background:#f3f2f1}body.govuk-template__body{margin:0;background:#fff;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;font-size:19px;line-height:1.32}
        a{color:#1d70b8}a:visited{color:#4c2c92}a:hover{color:#003078}
        a:focus,input:focus,textarea:focus,select:focus,button:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px}
        .govuk-skip-link{position:absolute;left:-9999px}.govuk-skip-link:focus{position:static;display:block;background:#ffdd00;padding:10px}
        .govuk-width-container{max-width:960px;margin:0 15px}@media(min-width:40.0625em){.govuk-width-container{margin:0 30px}}
        @media(min-width:1020px){.govuk-width-container{margin:0 auto}}
        .govuk-header{background:#0b0c0c;border-bottom:10px solid #1d70b8;color:#fff}
        .govuk-header__container{display:flex;flex-wrap:wrap;gap:5px 15px;justify-content:space-between;align-items:center;padding:10px 0}
        .govuk-header__service-name{color:#fff !important;font-weight:bold;font-size:24px;text-decoration:none}
        .govuk-header__account{display:flex;gap:15px;align-items:center;font-size:16px}
        .govuk-header__account form{margin:0}.govuk-header__sign-out{background:none;border:0;color:#fff;text-decoration:underline;font-size:16px;cursor:pointer;padding:0}
        .govuk-main-wrapper{display:block;padding:30px 0 40px}
        .govuk-footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:25px 0;font-size:16px;color:#505a5f}
        h1,.govuk-heading-l{font-size:36px;margin:0 0 30px;line-height:1.1}h2,.govuk-heading-m{font-size:24px;margin:30px 0 15px}
        .govuk-caption-l{color:#505a5f;font-size:24px;display:block;margin-bottom:5px}
        p{margin:0 0 20px}.govuk-body-s{font-size:16px}.govuk-body-l{font-size:24px}
        .govuk-form-group{margin-bottom:30px}.govuk-form-group .govuk-form-group:last-of-type{margin-bottom:0}
        .govuk-form-group--error{padding-left:15px;border-left:5px solid #d4351c}
        .govuk-label{display:block;margin-bottom:5px;font-weight:normal}
        .govuk-fieldset{margin:0;padding:0;border:0;min-width:0}.govuk-fieldset__legend{font-weight:bold;margin-bottom:10px;padding:0}
        .govuk-hint{color:#505a5f;margin-bottom:15px}
        .govuk-error-message{color:#d4351c;font-weight:bold;margin-bottom:15px}
        .govuk-visually-hidden{position:absolute !important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .govuk-input,.govuk-textarea,.govuk-select{font:inherit;border:2px solid #0b0c0c;border-radius:0;padding:5px;width:100%;height:40px;background:#fff}
        .govuk-textarea{height:auto;min-height:40px}.govuk-select{width:auto;min-width:11.5em}
        .govuk-input[readonly]{background:#f3f2f1}
        .govuk-input--error,.govuk-textarea--error,.govuk-select--error{border-color:#d4351c}
        .govuk-input--width-20{max-width:41ex}.govuk-input--width-10{max-width:23ex}.govuk-input--width-5{max-width:10.8ex}
        .govuk-input--width-4{max-width:9ex}.govuk-input--width-2{max-width:5.4ex}
        .govuk-date-input{display:flex;gap:20px}.govuk-date-input__item .govuk-form-group{margin:0}
        .govuk-radios__item,.govuk-checkboxes__item{display:flex;align-items:center;margin-bottom:10px;min-height:40px}
        .govuk-radios--inline{display:flex;gap:20px}.govuk-radios__input,.govuk-checkboxes__input{width:28px;height:28px;margin:0 10px 0 0;accent-color:#0b0c0c}
        .govuk-radios__label,.govuk-checkboxes__label{margin:0;cursor:pointer}
        .govuk-checkboxes--small .govuk-checkboxes__item{min-height:30px;margin-bottom:5px}.govuk-checkboxes--small input{width:22px;height:22px}
        .govuk-button{font:inherit;font-size:19px;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;padding:8px 10px 7px;margin:0 15px 30px 0;cursor:pointer}
        .govuk-button--secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}.govuk-button--warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
        .govuk-button-group{display:flex;flex-wrap:wrap;align-items:baseline}
        a.govuk-button{display:inline-block;text-decoration:none;color:#fff}
        .govuk-error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:40px}
        .govuk-error-summary__title{margin-top:0;font-size:24px}.govuk-error-summary__list{margin:0;padding-left:0;list-style:none}
        .govuk-error-summary__list a{color:#d4351c;font-weight:bold}
        .govuk-summary-list{margin:0 0 30px}.govuk-summary-list__row{display:flex;border-bottom:1px solid #b1b4b6;padding:10px 0}
        .govuk-summary-list__key{font-weight:bold;flex:0 0 40%;margin:0;padding-right:20px}.govuk-summary-list__value{flex:1;margin:0}
        .govuk-summary-list__actions{margin:0;text-align:right;flex:0 0 15%}
        .govuk-summary-list__value,.govuk-table__cell{overflow-wrap:anywhere}.govuk-select{max-width:100%}
        .table{position:relative}.govuk-report-options .govuk-form-group{min-width:0;max-width:100%}
        @media(max-width:40.0525em){.govuk-summary-list__row{display:block}.govuk-summary-list__actions{text-align:left}
        .govuk-date-input{flex-wrap:wrap}h1,.govuk-heading-l{font-size:28px}.govuk-panel__title{font-size:32px}}
        .govuk-panel--confirmation{background:#00703c;color:#fff;padding:35px;text-align:center;margin-bottom:30px}
        .govuk-panel__title{font-size:48px;margin:0 0 20px}.govuk-panel__body{font-size:36px}
        .govuk-tag{display:inline-block;padding:2px 8px;font-weight:bold;font-size:16px;background:#cce2d8;color:#005a30}
        .govuk-tag--yellow{background:#fff7bf;color:#594d00}.govuk-tag--red{background:#f4cdc6;color:#942514}.govuk-tag--grey{background:#e5e6e7;color:#282d30}
        .govuk-warning-text{display:flex;gap:15px;align-items:center;margin-bottom:20px}
        .govuk-warning-text__icon{display:inline-block;min-width:35px;height:35px;border-radius:50%;background:#0b0c0c;color:#fff;text-align:center;font-weight:bold;font-size:28px;line-height:35px}
        .govuk-inset-text{border-left:10px solid #b1b4b6;padding:15px;margin:20px 0}
        .govuk-notification-banner{border:5px solid #1d70b8;margin-bottom:30px}.govuk-notification-banner__content{padding:15px}
        .govuk-notification-banner__heading{margin:0;font-weight:bold}.govuk-notification-banner--success{border-color:#00703c}
        .govuk-notification-banner--success .govuk-notification-banner__heading{margin-bottom:15px}
        .govuk-conditional{border-left:4px solid #b1b4b6;padding-left:18px;margin-left:18px}
        .govuk-conditional__note{color:#505a5f;font-size:16px;font-style:italic;margin-bottom:10px}
        .govuk-repeat-item{border:1px solid #b1b4b6;padding:20px 20px 0;margin-bottom:20px}
        .govuk-table{border-collapse:collapse;width:100%;margin-bottom:30px;font-size:16px}
        .govuk-table__header,.govuk-table__cell{border-bottom:1px solid #b1b4b6;padding:10px 20px 10px 0;text-align:left;vertical-align:top}
        .govuk-finding{border-left:5px solid #b1b4b6;padding:5px 15px;margin-bottom:15px}.govuk-finding--error{border-color:#d4351c}
        .govuk-finding--refer{border-color:#ffdd00}.govuk-finding--warning{border-color:#1d70b8}
        .govuk-finding details{font-size:16px;color:#505a5f}.govuk-list{padding-left:20px}
        .govuk-details{margin-bottom:30px}.govuk-details summary{color:#1d70b8;text-decoration:underline;cursor:pointer}
        .govuk-report-options{display:flex;flex-wrap:wrap;gap:0 30px;align-items:flex-end;background:#f3f2f1;padding:15px 15px 0;margin-bottom:30px}
        .govuk-report-options .govuk-form-group{margin-bottom:15px}.govuk-report-options .govuk-button{margin-bottom:15px}
        .govuk-token{display:block;font-family:monospace;font-size:22px;word-break:break-all;margin-top:10px}
        .govuk-button--small{font-size:16px;padding:4px 8px;margin:0}.govuk-table form{margin:0}
        .govuk-report h2{font-size:24px}.govuk-report p{max-width:45em}
        .govuk-print-hint{color:#505a5f;font-size:16px}
        .govuk-back-link{display:inline-block;margin:15px 0;font-size:16px;color:#0b0c0c}
        .govuk-back-link::before{content:"\\2039";margin-right:6px}
        @media print{body.govuk-template__body{font-size:12pt;color:#000}
        .govuk-header__account,.govuk-skip-link,.govuk-footer,.govuk-button,.govuk-button-group,form,.govuk-print-hint,
        .govuk-back-link{display:none !important}
        .govuk-header{border-bottom:2px solid #000}a{color:#000;text-decoration:none}
        .govuk-finding,.govuk-summary-list__row,table,tr{break-inside:avoid}details>*{display:block}
        h1,h2{break-after:avoid}}
        """
}
